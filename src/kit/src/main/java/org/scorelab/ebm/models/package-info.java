/**
 * The networks the {@code ebm} assignment trains, provided by the kit: an MLP energy R^2 -> R and an MLP score
 * R^2 -> R^2.
 */
package org.scorelab.ebm.models;
