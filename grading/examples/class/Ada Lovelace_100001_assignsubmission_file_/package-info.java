/**
 * The {@code dsm} assignment: denoising score matching on a 2D Gaussian mixture and annealed Langevin sampling.
 * One class per task of the sheet; {@link org.scorelab.dsm.DsmAssignment} runs them all.
 */
package org.scorelab.dsm;
