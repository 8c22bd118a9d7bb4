package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.dsm.api.LangevinSampler;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.random.Rng;

/**
 * Task 4.1: annealed Langevin sampling, Algorithm 1 of the sheet.
 *
 * <p>TODO Task 4.1: state your epsilon and T here and in your report, with the reasons for them.
 */
public final class AnnealedLangevin implements LangevinSampler {

    /** TODO Task 4.1: your step size epsilon (the step at the smallest level sigma_1). */
    @Override
    public double epsilon() {
        throw new NotImplemented("4.1");
    }

    /** TODO Task 4.1: your number T of steps per level. */
    @Override
    public int stepsPerLevel() {
        throw new NotImplemented("4.1");
    }

    /**
     * TODO Task 4.1: Algorithm 1, from the largest level down to the smallest, T steps per level with step
     * alpha_i = epsilon sigma_i^2 / sigma_1^2. Call {@code score.scoreOf} once per step. Do not modify {@code start}.
     *
     * @param levels sigma_1 < ... < sigma_L, smallest first
     * @return the final points, shape [n, 2]
     */
    @Override
    public INDArray sample(ScoreFunction score, INDArray start, double[] levels, double epsilon, int stepsPerLevel, Rng rng) {
        throw new NotImplemented("4.1");
    }
}
