/**
 * The public checks of the {@code ebm} assignment, one class per task: the Langevin sampler and the maximum likelihood
 * loss (1.3), NCE (2.2), implicit (3.1.1) and denoising (3.2.2) score matching. Expectations come from closed forms,
 * finite differences and independent formulas, never from the reference.
 */
package org.scorelab.suites.ebm;
