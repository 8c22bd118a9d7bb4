package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.LangevinSampler;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.random.Rng;

/**
 * Task 4.1: annealed Langevin sampling, Algorithm 1 of the sheet.
 *
 * <p>I chose epsilon = 3e-5 and T = 200 after trying a few values with the exact score from Task 3.4: fewer steps
 * left the modes too wide at the end.
 */
public final class AnnealedLangevin implements LangevinSampler {
    private final double epsilon = 3e-5;
    private final int steps = 200;

    @Override
    public double epsilon() {
        return epsilon;
    }

    @Override
    public int stepsPerLevel() {
        return steps;
    }

    @Override
    public INDArray sample(ScoreFunction score, INDArray start, double[] levels, double epsilon, int stepsPerLevel, Rng rng) {
        INDArray points = start.dup();
        long n = points.size(0);
        double sigmaOneSquared = levels[0] * levels[0];
        for (int i = levels.length - 1; i >= 0; i--) {
            double alpha = epsilon * levels[i] * levels[i] / sigmaOneSquared;
            double halfAlpha = alpha / 2;
            double noiseScale = Math.sqrt(alpha);
            for (int t = 0; t < stepsPerLevel; t++) {
                INDArray drift = score.scoreOf(points, levels[i]).mul(halfAlpha);
                INDArray diffusion = rng.normal(n, 2).mul(noiseScale);
                points = points.add(drift).add(diffusion);
            }
        }
        return points;
    }
}
