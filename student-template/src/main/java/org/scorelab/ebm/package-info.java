/**
 * The {@code ebm} assignment: energy-based models on 2D toy data trained by maximum likelihood with Langevin samples
 * (Task 1.3), noise-contrastive estimation (2.2), implicit (3.1.1) and denoising (3.2.2) score matching.
 */
package org.scorelab.ebm;
