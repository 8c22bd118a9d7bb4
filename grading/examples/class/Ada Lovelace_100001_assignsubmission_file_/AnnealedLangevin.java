package org.scorelab.dsm;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.LangevinSampler;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.random.Rng;

/**
 * Task 4.1: annealed Langevin sampling, Algorithm 1 of the sheet (Song and Ermon 2019, Algorithm 1).
 *
 * <p>Choice: epsilon = 5e-5 and T = 100 steps per level (with sigma_1 = 0.01, sigma_L = 1, so alpha runs from 0.5
 * down to 5e-5). For a Gaussian target of variance v, one step contracts the distance to the mean by
 * rho = 1 - alpha / (2 v) and leaves a stationary variance v / (1 - alpha / (4 v)):
 * <ul>
 *   <li>at sigma_L (v ~ 1.01, alpha = 0.5) rho = 0.75: the chain forgets its start within a few steps and moves
 *   between the modes, which sets the mode fractions;</li>
 *   <li>at sigma_1 (v = 0.0101, alpha = 5e-5) the variance is inflated by 0.12% only, and the 100 steps span half
 *   a relaxation time (T alpha / v = 0.5), enough to settle from the previous level, whose modes are only 1%
 *   wider.</li>
 * </ul>
 * Measured with the exact score (PyTorch anchor, 5000 points): epsilon = 2e-5 leaves modes 2-3% too wide,
 * epsilon = 5e-5 gives standard deviations within 0.5% of 0.1.
 *
 * <p>Measured in Java, 5,000 points from the uniform start, mode statistics of {@link org.scorelab.diagnostics.ModeStatistics}:
 * <ul>
 *   <li>with the analytic score (Task 3.4), 20 seeds: epsilon = 5e-5, T = 100 puts every fraction within 0.018 of 1/3
 *   and every std within 3.6% of 0.1 (mean +0.8%: the modes are still relaxing from the 1% wider sigma_2 level);
 *   T = 200 or epsilon = 1e-4 give the same picture within the sampling noise (sd 0.0067 for a fraction, ~1.7% for
 *   an std; mean std +0.2% and +0.5%). So the sampler is not what limits the samples' quality; the learned score
 *   is.</li>
 *   <li>with the learned score (4,000 iterations, seeds 0-5), T = 100 gives fractions within 0.017 and stds within
 *   4.5% (mean -1.3%), while T = 200 or epsilon = 1e-4 give modes 3% too narrow on average and up to 8%: the
 *   learned score at sigma_1 is a few percent too strong, and the longer chains follow it further.</li>
 *   <li>the final denoising step x + sigma_1^2 s(x, sigma_1) (Song and Ermon 2020) narrows every mode by about 1%
 *   (0.1005 -> 0.0995 with the exact score) and leaves the fractions unchanged: not used.</li>
 * </ul>
 */
public final class AnnealedLangevin implements LangevinSampler {
    static final double EPSILON = 5e-5;
    static final int STEPS_PER_LEVEL = 100;

    @Override
    public double epsilon() {
        return EPSILON;
    }

    @Override
    public int stepsPerLevel() {
        return STEPS_PER_LEVEL;
    }

    @Override
    public INDArray sample(ScoreFunction score, INDArray start, double[] levels, double epsilon, int stepsPerLevel, Rng rng) {
        int n = Shapes.points("4.1", "start", start);
        if (levels.length == 0 || !(epsilon > 0) || stepsPerLevel < 1) {
            throw new IllegalArgumentException("Task 4.1: need at least one level, epsilon > 0 and T >= 1, got "
                + levels.length + " levels, epsilon = " + epsilon + ", T = " + stepsPerLevel);
        }
        INDArray x = start.dup('c');
        double sigma1 = levels[0];
        for (int i = levels.length - 1; i >= 0; i--) {
            double alpha = epsilon * levels[i] * levels[i] / (sigma1 * sigma1);
            double noiseScale = Math.sqrt(alpha);
            for (int t = 0; t < stepsPerLevel; t++) {
                INDArray s = score.scoreOf(x, levels[i]);
                if (s == null || !Arrays.equals(s.shape(), x.shape())) {
                    throw new IllegalStateException("Task 4.1: the score must have the shape of x, " + Arrays.toString(x.shape())
                        + ", got " + (s == null ? "null" : Arrays.toString(s.shape())));
                }
                x.addi(s.mul(alpha / 2)).addi(rng.normal(n, 2).muli(noiseScale));
            }
        }
        return x;
    }
}
