/**
 * Hidden checks of the {@code ebm} assignment: each method's training loop on the kit's networks, judged by the
 * quality of the trained model against a Gaussian fitted to the data (the samples drawn as the loop draws them for
 * maximum likelihood, held-out likelihood for NCE, Hyvarinen's held-out objective for the score-matching methods).
 */
package org.scorelab.suites.ebm;
