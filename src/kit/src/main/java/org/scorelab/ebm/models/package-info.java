/**
 * The networks the {@code ebm} assignment trains, provided by the kit: an MLP energy R^2 -> R and an MLP score
 * R^2 -> R^2, and the replay buffer of persistent Langevin chains for maximum likelihood training.
 */
package org.scorelab.ebm.models;
