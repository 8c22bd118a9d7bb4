/**
 * Point distributions in the plane: the 2D toy data sets of the {@code ebm} assignment and diagonal Gaussians (noise
 * for NCE, start points for Langevin sampling, baselines).
 */
package org.scorelab.data;
