package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.LangevinSampler;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.random.Rng;

/**
 * Task 4.1: annealed Langevin sampling, Algorithm 1 of the sheet.
 *
 * <p>Chosen: epsilon 5e-5 with 120 steps per level, found by trial with the exact scores of Task 3.4.
 */
public final class AnnealedLangevin implements LangevinSampler {
    private static final int T = 120;
    private static final double EPS = 5e-5;

    @Override
    public INDArray sample(ScoreFunction score, INDArray start, double[] levels, double epsilon, int stepsPerLevel, Rng rng) {
        double[] alphas = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            alphas[i] = epsilon * Math.pow(levels[i] / levels[0], 2);
        }
        INDArray current = start.dup('c');
        for (int level = levels.length - 1; level >= 0; level--) {
            for (int step = 0; step < stepsPerLevel; step++) {
                INDArray s = score.scoreOf(current, levels[level]);
                current.addi(s.muli(0.5 * alphas[level])).addi(rng.normal(current.size(0), 2).muli(Math.sqrt(alphas[level])));
            }
        }
        return current;
    }

    @Override
    public int stepsPerLevel() { return T; }

    @Override
    public double epsilon() { return EPS; }
}
