package org.scorelab.suites.dsm;

import static org.scorelab.suites.support.Thresholds.FALSE_FAILURE_RATE;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.dsm.api.MixtureData;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Checks;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.Graded;
import org.scorelab.suites.support.Solutions;
import org.scorelab.suites.support.Thresholds;

/**
 * Task 1.1: sampling the mixture and its density. The statistical checks of a sample are in
 * {@link MixtureSampleChecks}; the tests run in the order that makes the first failure name the most basic mistake.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class MixtureSamplingTests {
    static final String TASK = "1.1";
    static final int S = 10_000;

    static double[] sampleOf(MixtureSpec spec, int n, long seed) {
        MixtureData data = Solutions.dsm().mixture(spec);
        double[] xy = Checks.shape(TASK, "sample(" + n + ") shape", data.sample(n, new Rng(seed)), n, 2);
        Checks.finite(TASK, "sample(" + n + ")", xy, "a variance of 0 or a NaN standard deviation");
        return xy;
    }

    @Test
    @Order(1)
    @Graded(assignment = "dsm", task = TASK, points = 0.25)
    void sampleHasOnePointPerRowAndIsReproducible() {
        double[] first = sampleOf(MixtureSpec.SHEET, S, 11);
        double[] again = sampleOf(MixtureSpec.SHEET, S, 11);
        if (!java.util.Arrays.equals(first, again)) {
            throw Feedback.of(TASK, "the same seed twice").mismatch("the same sample", "different samples",
                "draw every random number from the Rng passed in, never from Math.random, new Random() or Nd4j.rand");
        }
    }

    @Test
    @Order(3)
    @Graded(assignment = "dsm", task = TASK, points = 0.5)
    void componentsKeepTheirProportions() {
        MixtureSampleChecks.checkProportions(MixtureSpec.SHEET, sampleOf(MixtureSpec.SHEET, S, 12));
    }

    @Test
    @Order(2)
    @Graded(assignment = "dsm", task = TASK, points = 0.5)
    void componentsHaveTheirMeansAndCovariances() {
        MixtureSampleChecks.checkMoments(MixtureSpec.SHEET, sampleOf(MixtureSpec.SHEET, S, 13));
    }

    @Test
    @Order(4)
    @Graded(assignment = "dsm", task = TASK, points = 0.5)
    void logDensityIsTheMixtureFormula() {
        MixtureData data = Solutions.dsm().mixture(MixtureSpec.SHEET);
        MixtureTruth truth = new MixtureTruth(MixtureSpec.SHEET);
        INDArray x = probePoints();
        double[] log = Checks.shape(TASK, "logDensity shape", data.logDensity(x), x.size(0));
        double[] xy = x.data().asDouble();
        for (int i = 0; i < log.length; i++) {
            double expected = Math.log(truth.density(xy[2 * i], xy[2 * i + 1], 0));
            Checks.close(TASK, String.format(Locale.ROOT, "logDensity at x = (%.3f, %.3f)", xy[2 * i], xy[2 * i + 1]),
                expected, log[i], 1e-9, 1e-9, densityMistake(expected, log[i]));
        }
    }

    @Test
    @Order(5)
    @Graded(assignment = "dsm", task = TASK, points = 0.25)
    void densityIsTheExponentialOfTheLogDensity() {
        MixtureData data = Solutions.dsm().mixture(MixtureSpec.SHEET);
        MixtureTruth truth = new MixtureTruth(MixtureSpec.SHEET);
        INDArray x = probePoints();
        double[] p = Checks.shape(TASK, "density shape", data.density(x), x.size(0));
        double[] xy = x.data().asDouble();
        for (int i = 0; i < p.length; i++) {
            double expected = truth.density(xy[2 * i], xy[2 * i + 1], 0);
            Checks.close(TASK, String.format(Locale.ROOT, "density at x = (%.3f, %.3f)", xy[2 * i], xy[2 * i + 1]),
                expected, p[i], 1e-12, 1e-9, densityMistake(Math.log(expected), Math.log(p[i])));
        }
    }

    /** Points at the means, between them and in the tails (fixed). */
    static INDArray probePoints() {
        return Nd4j.createFromArray(new double[][] {
            {0.25, 0.25}, {0.75, 0.25}, {0.5, 0.75}, {0.5, 0.25}, {0.5, 0.45}, {0.1, 0.9}, {0.0, 0.0}, {1.0, 1.0},
            {0.3, 0.31}, {0.62, 0.58}});
    }

    private static String densityMistake(double expectedLog, double foundLog) {
        double gap = foundLog - expectedLog;
        if (Math.abs(gap - Math.log(2 * Math.PI * 0.1)) < 1e-3 || Math.abs(gap + Math.log(0.1)) < 1e-3) {
            return "the normaliser of a 2D Gaussian is 1 / (2 pi |Sigma|^(1/2)) = 1 / (2 pi v), with v the variance";
        }
        if (Math.abs(gap - Math.log(3)) < 1e-3) {
            return "the weights pi_k = 1/3 are missing";
        }
        return "p(x) = sum_k pi_k N(x | mu_k, v_k I) with N = exp(-||x - mu_k||^2 / (2 v_k)) / (2 pi v_k)";
    }
}
