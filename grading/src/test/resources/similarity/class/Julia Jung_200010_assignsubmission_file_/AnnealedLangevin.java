package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.LangevinSampler;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.random.Rng;

/**
 * Task 4.1: annealed Langevin sampling, Algorithm 1 of the sheet.
 *
 * <p>epsilon 3e-5, 200 steps per level: tried with the analytic score; with 100 steps the final modes were too wide.
 */
public final class AnnealedLangevin implements LangevinSampler {
    private final int T = 200;
    private final double eps = 3e-5;

    @Override
    public INDArray sample(ScoreFunction score, INDArray start, double[] levels, double epsilon, int stepsPerLevel, Rng rng) {
        INDArray cur = start.dup();
        long rows = cur.size(0);
        double s1sq = levels[0] * levels[0];
        int evaluations = 0;
        for (int lev = levels.length - 1; lev >= 0; lev--) {
            double a = epsilon * levels[lev] * levels[lev] / s1sq;
            double h = a / 2, sd = Math.sqrt(a);
            for (int it = 0; it < stepsPerLevel; it++) {
                INDArray move = score.scoreOf(cur, levels[lev]).mul(h);
                evaluations++;
                INDArray kick = rng.normal(rows, 2).mul(sd);
                cur = cur.add(move).add(kick);
            }
        }
        return cur;
    }

    @Override
    public double epsilon() { return eps; }

    @Override
    public int stepsPerLevel() { return T; }
}
