package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.LangevinSampler;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.random.Rng;

/**
 * Task 4.1: annealed Langevin sampling, Algorithm 1 of the sheet.
 *
 * <p>epsilon = 5e-5 and T = 150: with sigma_1 = 0.02 the step at the largest level is 5e-5 * 40^2 = 0.08, small
 * enough to be stable there, and at the smallest level 150 steps are enough for the points to settle.
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
        INDArray x = start.dup();
        int n = (int) x.size(0);
        double smallest = levels[0];
        for (int i = levels.length - 1; i >= 0; i--) {
            double sigma = levels[i];
            double alpha = epsilon * (sigma * sigma) / (smallest * smallest);
            for (int t = 1; t <= stepsPerLevel; t++) {
                INDArray grad = score.scoreOf(x, sigma);
                INDArray z = rng.normal(n, 2);
                x = x.add(grad.mul(alpha / 2.0)).add(z.mul(Math.sqrt(alpha)));
            }
        }
        return x;
    }
}
