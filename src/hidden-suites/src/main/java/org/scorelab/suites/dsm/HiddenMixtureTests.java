package org.scorelab.suites.dsm;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.dsm.api.PerturbedMixtureScores;
import org.scorelab.suites.support.Checks;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.Graded;
import org.scorelab.suites.support.Solutions;

/**
 * Hidden checks of Tasks 1.1 and 3.4 on another mixture (unequal weights and variances), so that constants copied
 * from the sheet instead of read from the spec lose points, and far from the data, where a density without the
 * log-sum-exp trick underflows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class HiddenMixtureTests {
    static final MixtureSpec OTHER = new MixtureSpec(new double[][] {{0.0, 0.0}, {1.0, 0.5}, {-0.5, 1.0}},
        new double[] {0.02, 0.005, 0.01}, new double[] {0.5, 0.3, 0.2});

    @Test
    @Order(1)
    @Graded(assignment = "dsm", task = "1.1", points = 0.5)
    void samplingReadsWeightsMeansAndVariancesFromTheSpec() {
        double[] xy = MixtureSamplingTests.sampleOf(OTHER, 10_000, 101);
        MixtureSampleChecks.checkMoments(OTHER, xy); // the means first: they name the more basic mistake
        MixtureSampleChecks.checkProportions(OTHER, xy);
    }

    @Test
    @Order(2)
    @Graded(assignment = "dsm", task = "1.1", points = 0.5)
    void logDensityStaysFiniteFarFromTheData() {
        INDArray far = Nd4j.createFromArray(new double[][] {{6.0, -5.0}, {-8.0, 9.0}});
        double[] log = Checks.shape("1.1", "logDensity shape", Solutions.dsm().mixture(OTHER).logDensity(far), 2);
        double[] xy = far.data().asDouble();
        for (int i = 0; i < 2; i++) {
            Checks.close("1.1", String.format(Locale.ROOT, "logDensity far from the data, at (%.0f, %.0f)", xy[2 * i], xy[2 * i + 1]),
                stableLogDensity(OTHER, xy[2 * i], xy[2 * i + 1], 0), log[i], 1e-6, 1e-9, Double.isFinite(log[i])
                    ? "the log-density is wrong far from the data (log p off by " + Feedback.number(log[i]
                        - stableLogDensity(OTHER, xy[2 * i], xy[2 * i + 1], 0)) + "): check that every component's "
                        + "weight, mean and variance are read from the spec, each Gaussian's normaliser and its exponent"
                    : "every component's density underflows to 0 there, so log(sum) is -infinity: use the log-sum-exp trick");
        }
    }

    @Test
    @Order(3)
    @Graded(assignment = "dsm", task = "3.4", points = 0.5)
    void analyticScoreReadsTheSpec() {
        MixtureTruth truth = new MixtureTruth(OTHER);
        PerturbedMixtureScores scores = Solutions.dsm().analyticScores(OTHER);
        INDArray x = new org.scorelab.random.Rng(102).uniform(-0.8, 1.3, 40, 2);
        double[] xy = x.data().asDouble();
        MixtureTruth sheet = new MixtureTruth(MixtureSpec.SHEET);
        for (double sigma : new double[] {0.02, 0.2, 0.9}) {
            double[] s = Checks.shape("3.4", "score shape", scores.scoreOf(x, sigma), 40, 2);
            for (int i = 0; i < 40; i++) {
                double[] expected = truth.score(xy[2 * i], xy[2 * i + 1], sigma);
                for (int a = 0; a < 2; a++) {
                    double found = s[2 * i + a];
                    // Name the slip whose value the found score matches: sigma left out, the sign, the sheet's constants.
                    String mistake = near(found, truth.score(xy[2 * i], xy[2 * i + 1], 0)[a])
                        ? "the score ignores sigma: perturbing by sigma widens each component to v_k + sigma^2"
                        : near(found, -expected[a]) ? "the sign is flipped: the score must point towards the means"
                        : near(found, sheet.score(xy[2 * i], xy[2 * i + 1], sigma)[a])
                        ? "the sheet's mixture is built in: read pi_k, mu_k and v_k from the spec passed in"
                        : "read pi_k, mu_k and v_k from the spec; each component has its own variance";
                    Checks.close("3.4", String.format(Locale.ROOT, "score of a mixture with unequal weights and variances at sigma = %.2f",
                        sigma), expected[a], found, 1e-8, 1e-8, mistake);
                }
            }
        }
    }

    @Test
    @Order(4)
    @Graded(assignment = "dsm", task = "3.4", points = 0.5)
    void analyticScoreStaysFiniteFarFromTheData() {
        INDArray far = Nd4j.createFromArray(new double[][] {{6.0, -5.0}});
        double sigma = 0.01;
        double[] s = Checks.shape("3.4", "score shape", Solutions.dsm().analyticScores(OTHER).scoreOf(far, sigma), 1, 2);
        double[] expected = stableScore(OTHER, 6.0, -5.0, sigma);
        for (int a = 0; a < 2; a++) {
            Checks.close("3.4", "score far from the data, at (6, -5), sigma = 0.01", expected[a], s[a], 1e-6, 1e-9, Double.isFinite(s[a])
                ? "the score is wrong far from the data, where one component's term outweighs the others: check that each "
                    + "component has its own weight and variance (widened by sigma), read from the spec"
                : "far from the data every component's density underflows to 0, so each component's weight at x is 0/0: "
                    + "compute the weights from the log-terms (a softmax, as in log-sum-exp)");
        }
    }

    private static boolean near(double found, double value) {
        return Math.abs(found - value) <= 1e-6 * (1 + Math.abs(value));
    }

    private static double[] logTerms(MixtureSpec spec, double x, double y, double sigma) {
        double[] t = new double[spec.components()];
        for (int k = 0; k < t.length; k++) {
            double v = spec.variance(k) + sigma * sigma;
            double[] mu = spec.mean(k);
            t[k] = Math.log(spec.weight(k) / (2 * Math.PI * v)) - ((x - mu[0]) * (x - mu[0]) + (y - mu[1]) * (y - mu[1])) / (2 * v);
        }
        return t;
    }

    static double stableLogDensity(MixtureSpec spec, double x, double y, double sigma) {
        double[] t = logTerms(spec, x, y, sigma);
        double max = java.util.Arrays.stream(t).max().orElseThrow();
        return max + Math.log(java.util.Arrays.stream(t).map(v -> Math.exp(v - max)).sum());
    }

    static double[] stableScore(MixtureSpec spec, double x, double y, double sigma) {
        double[] t = logTerms(spec, x, y, sigma);
        double log = stableLogDensity(spec, x, y, sigma);
        double[] s = new double[2];
        for (int k = 0; k < t.length; k++) {
            double w = Math.exp(t[k] - log);
            double v = spec.variance(k) + sigma * sigma;
            s[0] += w * (spec.mean(k)[0] - x) / v;
            s[1] += w * (spec.mean(k)[1] - y) / v;
        }
        return s;
    }
}
