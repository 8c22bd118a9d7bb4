package org.scorelab.grading.fairness;

/**
 * Whether a choice of epsilon and T in Algorithm 1 of the dsm sheet lets the chain settle, predicted exactly for one
 * mode of the sheet's mixture (variance 0.01, perturbed: 0.01 + sigma_i^2): one step at level i maps the variance
 * around the mode V to (1 - r_i)^2 V + alpha_i with r_i = alpha_i / (2 (0.01 + sigma_i^2)). A student tunes epsilon
 * and T until the samples look like the data; this is the same test, done before grading instead of by eye.
 */
final class LangevinSettling {
    /**
     * Largest accepted relative error of a mode's standard deviation at the end of the chain: 2%, about what a student
     * can see in the sheet's 5,000 samples (one standard error of a mode's std is 1.7% there). The reference's choice
     * is predicted at +1.1% (measured +0.8%, docs in AnnealedLangevin).
     */
    static final double STD_ERROR = 0.02;
    /** Contraction steps at the largest level, T r_L: enough for the chains to move between the modes. */
    static final double MIXING = 5;

    private LangevinSettling() {
    }

    /** The relative error of a mode's standard deviation after annealed Langevin from a broad start (variance 0.1). */
    static double stdError(double[] levels, double epsilon, int steps) {
        double s1 = levels[0];
        double v = 0.1;
        for (int i = levels.length - 1; i >= 0; i--) {
            double alpha = epsilon * levels[i] * levels[i] / (s1 * s1);
            double rho = 1 - alpha / (2 * (0.01 + levels[i] * levels[i]));
            for (int t = 0; t < steps; t++) {
                v = rho * rho * v + alpha;
            }
        }
        return Math.sqrt(v / (0.01 + s1 * s1)) - 1;
    }

    /** r_L, the contraction of one step at the largest level (above 1 the chain overshoots, above 2 it diverges). */
    static double topContraction(double[] levels, double epsilon) {
        double top = levels[levels.length - 1];
        return epsilon * top * top / (levels[0] * levels[0]) / (2 * (0.01 + top * top));
    }

    /** Whether the chain is stable, mixes between the modes, and ends within {@link #STD_ERROR} of the mode's width. */
    static boolean settles(double[] levels, double epsilon, int steps) {
        double r = topContraction(levels, epsilon);
        return r <= 1 && steps * r >= MIXING && Math.abs(stdError(levels, epsilon, steps)) <= STD_ERROR;
    }
}
