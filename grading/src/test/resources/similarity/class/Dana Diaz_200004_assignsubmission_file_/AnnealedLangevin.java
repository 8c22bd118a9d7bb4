package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.LangevinSampler;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.random.Rng;

/**
 * Task 4.1: annealed Langevin sampling, Algorithm 1 of the sheet.
 *
 * <p>epsilon = 1e-4, T = 150 (sigma_1 = 0.03, so alpha_L = 1e-4 * 400 = 0.04).
 */
public final class AnnealedLangevin implements LangevinSampler {

    @Override
    public double epsilon() {
        return 1e-4;
    }

    @Override
    public int stepsPerLevel() {
        return 150;
    }

    @Override
    public INDArray sample(ScoreFunction score, INDArray start, double[] levels, double epsilon, int stepsPerLevel, Rng rng) {
        INDArray x = start.dup();
        for (int l = levels.length; l-- > 0;) {
            double a = epsilon * (levels[l] / levels[0]) * (levels[l] / levels[0]);
            for (int t = 0; t < stepsPerLevel; t++) {
                x = x.add(score.scoreOf(x, levels[l]).mul(a / 2)).add(rng.normal(x.size(0), 2).mul(Math.sqrt(a)));
            }
        }
        return x;
    }
}
