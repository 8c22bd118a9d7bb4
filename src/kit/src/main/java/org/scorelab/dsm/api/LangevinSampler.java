package org.scorelab.dsm.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.random.Rng;

/** Task 4.1: annealed Langevin sampling, Algorithm 1 of the sheet. */
public interface LangevinSampler {
    /** The chosen step size epsilon (the step at the smallest noise level). */
    double epsilon();

    /** The chosen number T of Langevin steps per noise level. */
    int stepsPerLevel();

    /**
     * Runs Algorithm 1 from {@code start}: for sigma_L down to sigma_1, T steps of
     * x <- x + (alpha_i / 2) s(x, sigma_i) + sqrt(alpha_i) z with alpha_i = epsilon sigma_i^2 / sigma_1^2.
     *
     * @param score the score to follow (learned or analytic)
     * @param start initial points, shape [n, 2] (not modified)
     * @param levels sigma_1 < ... < sigma_L, smallest first
     * @return the final points, shape [n, 2]
     */
    INDArray sample(ScoreFunction score, INDArray start, double[] levels, double epsilon, int stepsPerLevel, Rng rng);

    /** {@link #sample(ScoreFunction, INDArray, double[], double, int, Rng)} with the chosen epsilon and T. */
    default INDArray sample(ScoreFunction score, INDArray start, double[] levels, Rng rng) {
        return sample(score, start, levels, epsilon(), stepsPerLevel(), rng);
    }
}
