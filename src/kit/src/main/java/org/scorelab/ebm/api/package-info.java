/**
 * The {@code ebm} assignment's tasks as interfaces: what a solution implements (the sampler and the four training
 * methods) and what the suites call. The models and data sets students train live in {@code org.scorelab.ebm.models}
 * and {@code org.scorelab.data}.
 */
package org.scorelab.ebm.api;
