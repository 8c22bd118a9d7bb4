/**
 * Hidden checks of the {@code ebm} assignment: each method's training loop on the kit's networks, judged by the
 * quality of the trained model against a Gaussian fitted to the data (held-out likelihood for energies, the held-out
 * score-matching objective for scores).
 */
package org.scorelab.suites.ebm;
