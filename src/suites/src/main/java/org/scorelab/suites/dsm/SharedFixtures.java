package org.scorelab.suites.dsm;

import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.diagnostics.ModeStatistics;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.noise.NoiseLevels;
import org.scorelab.suites.support.Checks;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.Isolation;
import org.scorelab.suites.support.Solutions;
import org.scorelab.suites.support.Thresholds;

/** Inputs and checks shared by the sampling tasks. */
final class SharedFixtures {
    /** Tolerance on each mode's fraction of the samples (the course's quality target). */
    static final double FRACTION_TOLERANCE = 0.02;
    /** Relative tolerance on each mode's standard deviation (the course's quality target). */
    static final double STD_TOLERANCE = 0.05;
    /** Tolerance on each mode's mean, per coordinate. */
    static final double MEAN_TOLERANCE = 0.01;

    private SharedFixtures() {
    }

    /**
     * The student's noise levels (Task 3.1) if they pass Task 3.1's checks of the levels, else the sheet's usual
     * 0.01..1 with L = 10, so that a sampling task is graded on its own: levels that are not implemented, not
     * geometric (linear levels leave the sampler's last step from 0.12 to 0.01 too long to settle in T steps, found by
     * the misconceptions corpus), or too narrow cost Task 3.1's points only.
     */
    static double[] levelsOrSheetDefault() {
        try {
            double[] levels = Solutions.dsm().perturbation().noiseLevels();
            if (meetTaskThreeOne(levels)) {
                return levels;
            }
        } catch (RuntimeException e) {
            // Task 3.1 not implemented (NotImplemented) or broken: it loses its own points, not these.
        }
        return NoiseLevels.geometric(0.01, 1.0, 10);
    }

    private static Boolean perturbationSound;

    /**
     * Whether the student's perturb (Task 3.1) passes Task 3.1's own check of the noise law within 20 s: where a Task
     * 3.3 check sees noise that the student's code may have made with it, the noise is judged only then, so a mistake in
     * perturb costs Task 3.1 alone (issue 16).
     */
    static synchronized boolean perturbationIsSound() {
        if (perturbationSound == null) {
            try {
                Isolation.run(NoiseLevelTests.TASK, 20, () -> {
                    NoiseLevelTests.checkPerturbation(31);
                    return null;
                }, Map.of());
                perturbationSound = true;
            } catch (AssertionError | RuntimeException e) {
                perturbationSound = false;
            }
        }
        return perturbationSound;
    }

    /** Records that a check saw the student's perturb throw or hang: {@link #perturbationIsSound} is then false. */
    static synchronized void perturbationIsBroken() {
        perturbationSound = false;
    }

    /** Whether {@code s} passes {@link NoiseLevelTests}' checks of the levels: increasing, geometric, sigma_1 and sigma_L. */
    static boolean meetTaskThreeOne(double[] s) {
        if (s == null || s.length < 2 || !(s[0] > 0) || s[0] > NoiseLevelTests.LARGEST_SIGMA_1) {
            return false;
        }
        double sigmaL = s[s.length - 1];
        if (!(sigmaL >= NoiseLevelTests.SMALLEST_SIGMA_L) || sigmaL > 50) {
            return false;
        }
        double ratio = s[1] / s[0];
        for (int i = 1; i < s.length; i++) {
            if (!(s[i] > s[i - 1]) || !(Math.abs(s[i] / s[i - 1] - ratio) <= 1e-9 * Math.abs(ratio))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Mode fractions, means and standard deviations of n samples of the sheet's mixture (points assigned to the
     * nearest mean). Each tolerance is a fixed allowance for the sampler's discretisation bias: with n = 20000 it is
     * 6.0 (fractions), 8 (means) and 8 (standard deviations) standard errors of a perfect sampler, so sampling noise
     * alone exceeds it with probability below 1e-8. Then a two-sample test against a fresh sample of p_sigma_1: the
     * block MMD^2 (bandwidth 0.1, Zaremba et al. 2013) must stay below the largest exact MMD^2 between p_sigma_1 and the edges of the
     * tolerance band above (modes 5% wider or narrower, fractions off by 0.02), plus 5.20 standard errors (one-sided
     * normal approximation, false-failure rate 1e-7).
     */
    static void checkMixtureSample(String task, String what, INDArray samples, int n, double sigma1, String mistake) {
        double[] xy = Checks.shape(task, what + ": shape", samples, n, 2);
        Checks.finite(task, what, xy, "the chain diverged: epsilon is too large");
        ModeStatistics stats = ModeStatistics.of(samples, MixtureSpec.SHEET);
        double expectedStd = Math.sqrt(0.01 + sigma1 * sigma1);
        for (int k = 0; k < 3; k++) {
            double[] mu = MixtureSpec.SHEET.mean(k);
            if (Math.abs(stats.fractions()[k] - 1.0 / 3) > FRACTION_TOLERANCE) {
                throw Feedback.of(task, what + ": fraction of samples nearest to mean " + Feedback.format(mu))
                    .notClose(1.0 / 3, stats.fractions()[k], FRACTION_TOLERANCE, mistake);
            }
            for (int a = 0; a < 2; a++) {
                if (Math.abs(stats.means()[k][a] - mu[a]) > MEAN_TOLERANCE) {
                    throw Feedback.of(task, what + ": mean of the mode at " + Feedback.format(mu))
                        .notClose(mu, stats.means()[k], MEAN_TOLERANCE, mistake);
                }
            }
            if (Math.abs(stats.stds()[k] / expectedStd - 1) > STD_TOLERANCE) {
                throw Feedback.of(task, what + ": standard deviation of the mode at " + Feedback.format(mu))
                    .notClose(expectedStd, stats.stds()[k], String.format(Locale.ROOT, "%.0f%%", 100 * STD_TOLERANCE),
                        stats.stds()[k] > expectedStd ? mistake + " (the modes are too wide: the chain has not settled at the "
                            + "smallest level)" : mistake + " (the modes are too narrow)");
            }
        }
        MixtureSpec target = widened(MixtureSpec.SHEET, sigma1, 1.0, 0);
        double allowance = 0;
        for (double[] edge : new double[][] {{1.05, 0}, {0.95, 0}, {1.0, 0.02}, {1.0, -0.02}}) {
            allowance = Math.max(allowance, TwoSample.between(target, widened(MixtureSpec.SHEET, sigma1, edge[0], edge[1])));
        }
        double[] fresh = new MixtureTruth(target).sample(n, new org.scorelab.random.Rng(7_000_001)).data().asDouble();
        double[] mmd = TwoSample.block(xy, fresh);
        double z = Thresholds.oneSidedZ(Thresholds.FALSE_FAILURE_RATE);
        if (mmd[0] > allowance + z * mmd[1]) {
            throw Feedback.of(task, what + ": MMD^2 (bandwidth 0.1) against a fresh sample of the mixture")
                .statistic(String.format(Locale.ROOT, "at most %.2e", allowance), mmd[0],
                    String.format(Locale.ROOT, "%.2e + %.2f standard errors (%.2e)", allowance, z, z * mmd[1]),
                    Thresholds.FALSE_FAILURE_RATE, mistake);
        }
    }

    /**
     * The sheet's mixture perturbed by sigma, with standard deviations scaled by {@code stdFactor} and {@code shift}
     * moved from the last two components' weights to the first.
     */
    static MixtureSpec widened(MixtureSpec spec, double sigma, double stdFactor, double shift) {
        double[] variances = new double[spec.components()];
        double[] weights = spec.weights();
        for (int k = 0; k < variances.length; k++) {
            variances[k] = (spec.variance(k) + sigma * sigma) * stdFactor * stdFactor;
        }
        weights[0] += shift;
        weights[1] -= shift / 2;
        weights[2] -= shift / 2;
        return new MixtureSpec(spec.means(), variances, weights);
    }
}
