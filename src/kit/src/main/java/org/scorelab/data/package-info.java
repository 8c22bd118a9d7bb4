/**
 * Point distributions in the plane: the 2D toy data sets of the {@code ebm} assignment and diagonal Gaussians (noise
 * for NCE, start points for Langevin sampling, baselines).
 *
 * <p>{@link org.scorelab.data.ToyData} holds the toy sets, by id: swiss-roll, gaussians, rings, moons, circles,
 * checkerboard, 2spirals (FFJORD's generators and constants).
 */
package org.scorelab.data;
