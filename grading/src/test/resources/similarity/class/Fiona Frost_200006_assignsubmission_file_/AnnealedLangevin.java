package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.LangevinSampler;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.random.Rng;

/**
 * Task 4.1: annealed Langevin sampling, Algorithm 1 of the sheet.
 *
 * <p>epsilon = 5e-5 and T = 150: with sigma_1 = 0.02 the step at the largest level is 5e-5 * 40^2 = 0.08, small
 * enough to be stable there, and at the sigmaMin level 150 steps are enough for the points to settle.
 */
public final class AnnealedLangevin implements LangevinSampler {

    @Override
    public double epsilon() {
        return 5e-5;
    }

    @Override
    public int stepsPerLevel() {
        return 150;
    }

    @Override
    public INDArray sample(ScoreFunction score, INDArray start, double[] levels, double epsilon, int stepsPerLevel, Rng rng) {
        INDArray state = start.dup();
        int rows = (int) state.size(0);
        double sigmaMin = levels[0];
        for (int lvl = levels.length - 1; lvl >= 0; lvl--) {
            double sigma = levels[lvl];
            double stepSize = epsilon * (sigma * sigma) / (sigmaMin * sigmaMin);
            for (int iter = 1; iter <= stepsPerLevel; iter++) {
                INDArray drift = score.scoreOf(state, sigma);
                INDArray gaussian = rng.normal(rows, 2);
                state = state.add(drift.mul(stepSize / 2.0)).add(gaussian.mul(Math.sqrt(stepSize)));
            }
        }
        return state;
    }
}
