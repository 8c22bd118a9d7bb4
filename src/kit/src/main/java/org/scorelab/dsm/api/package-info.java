/**
 * The contract of the {@code dsm} assignment (denoising score matching on a 2D Gaussian mixture): one interface per
 * group of tasks, implemented by the student's classes and found by the suites through {@link org.scorelab.dsm.api.DsmSolution}.
 */
package org.scorelab.dsm.api;
