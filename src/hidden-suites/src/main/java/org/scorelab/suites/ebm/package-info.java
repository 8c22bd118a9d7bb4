/**
 * Hidden checks of the {@code ebm} assignment: each method's training loop on the kit's networks, judged by the
 * quality of the trained model against a Gaussian fitted to the data (held-out likelihood, two-sample statistics).
 */
package org.scorelab.suites.ebm;
