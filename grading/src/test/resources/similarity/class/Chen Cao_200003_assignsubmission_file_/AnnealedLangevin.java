package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.LangevinSampler;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.random.Rng;

/**
 * Task 4.1: annealed Langevin sampling, Algorithm 1 of the sheet.
 *
 * <p>epsilon = 4e-5 and T = 100: alpha goes from 4e-5 * 100^2 = 0.4 at sigma_L (still stable for a variance of 1)
 * down to 4e-5 at sigma_1.
 */
public final class AnnealedLangevin implements LangevinSampler {

    @Override
    public double epsilon() {
        return 4e-5;
    }

    @Override
    public int stepsPerLevel() {
        return 100;
    }

    @Override
    public INDArray sample(ScoreFunction score, INDArray start, double[] levels, double epsilon, int stepsPerLevel, Rng rng) {
        INDArray samples = start.dup();
        double base = levels[0] * levels[0];
        int level = levels.length;
        while (level-- > 0) {
            double stepSize = epsilon * levels[level] * levels[level] / base;
            samples = runLevel(score, samples, levels[level], stepSize, stepsPerLevel, rng);
        }
        return samples;
    }

    private static INDArray runLevel(ScoreFunction score, INDArray from, double sigma, double stepSize, int steps, Rng rng) {
        INDArray pts = from;
        for (int t = 0; t < steps; t++) {
            INDArray noise = rng.normal(pts.rows(), pts.columns()).mul(Math.sqrt(stepSize));
            pts = pts.add(score.scoreOf(pts, sigma).mul(stepSize * 0.5)).add(noise);
        }
        return pts;
    }
}
