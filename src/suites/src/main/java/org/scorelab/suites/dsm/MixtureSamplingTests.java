package org.scorelab.suites.dsm;

import static org.scorelab.suites.support.Thresholds.FALSE_FAILURE_RATE;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.apache.commons.statistics.distribution.PoissonDistribution;
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
 * Task 1.1: sampling the mixture and its density.
 *
 * <p>Component proportions and moments are estimated with the true posterior responsibilities r_k(x), not by
 * assigning points to the nearest mean: for a sample of the mixture, E[r_k(X)] = pi_k,
 * E[r_k(X) X] / pi_k = mu_k and E[r_k(X) (X - mu_k)^2] / pi_k = v_k exactly, so the estimates are unbiased whether the
 * components are drawn with exact proportions or at random; their standard errors come from the same sums.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class MixtureSamplingTests {
    static final String TASK = "1.1";
    static final int S = 10_000;
    private static final double Z = Thresholds.twoSidedZ(FALSE_FAILURE_RATE);
    /** Squared distance to a mean, in units of that component's variance, beyond which a point is "far" (5 sd). */
    private static final double FAR = 25;

    static double[] sampleOf(MixtureSpec spec, int n, long seed) {
        MixtureData data = Solutions.dsm().mixture(spec);
        double[] xy = Checks.shape(TASK, "sample(" + n + ") shape", data.sample(n, new Rng(seed)), n, 2);
        Checks.finite(TASK, "sample(" + n + ")", xy, "a variance of 0 or a NaN standard deviation");
        return xy;
    }

    @Test
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
    @Graded(assignment = "dsm", task = TASK, points = 0.5)
    void componentsKeepTheirProportions() {
        checkProportions(MixtureSpec.SHEET, sampleOf(MixtureSpec.SHEET, S, 12));
    }

    @Test
    @Graded(assignment = "dsm", task = TASK, points = 0.5)
    void componentsHaveTheirMeansAndCovariances() {
        checkMoments(MixtureSpec.SHEET, sampleOf(MixtureSpec.SHEET, S, 13));
    }

    @Test
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

    /** Soft counts C_k = sum_i r_k(x_i): mean n pi_k, variance at most n pi_k (1 - pi_k) for any fair sampling. */
    static void checkProportions(MixtureSpec spec, double[] xy) {
        MixtureTruth truth = new MixtureTruth(spec);
        int n = xy.length / 2;
        double[] counts = new double[spec.components()];
        for (int i = 0; i < n; i++) {
            double[] r = truth.responsibilities(xy[2 * i], xy[2 * i + 1]);
            for (int k = 0; k < counts.length; k++) {
                counts[k] += r[k];
            }
        }
        for (int k = 0; k < counts.length; k++) {
            double pi = spec.weight(k);
            double se = Math.sqrt(pi * (1 - pi) / n);
            double found = counts[k] / n;
            if (Math.abs(found - pi) > Z * se) {
                throw Feedback.of(TASK, "fraction of the sample in component " + (k + 1))
                    .statistic(pi, found, String.format(Locale.ROOT, "+- %.4f (%.2f standard errors)", Z * se, Z),
                        FALSE_FAILURE_RATE, "draw component k for a fraction pi_k of the points (exactly, or each point's "
                            + "component at random with probabilities pi_k)");
            }
        }
    }

    /**
     * Points far from every component, then responsibility-weighted mean and variance per component and coordinate,
     * against mu_k and v_k.
     */
    static void checkMoments(MixtureSpec spec, double[] xy) {
        checkTails(spec, xy);
        MixtureTruth truth = new MixtureTruth(spec);
        int n = xy.length / 2;
        int components = spec.components();
        double[][] r = new double[n][];
        double[] mass = new double[components];
        for (int i = 0; i < n; i++) {
            r[i] = truth.responsibilities(xy[2 * i], xy[2 * i + 1]);
            for (int k = 0; k < components; k++) {
                mass[k] += r[i][k];
            }
        }
        for (int k = 0; k < components; k++) {
            for (int a = 0; a < 2; a++) {
                double mu = spec.mean(k)[a];
                double v = spec.variance(k);
                double mean = 0;
                double var = 0;
                for (int i = 0; i < n; i++) {
                    mean += r[i][k] * xy[2 * i + a];
                    var += r[i][k] * (xy[2 * i + a] - mu) * (xy[2 * i + a] - mu);
                }
                mean /= mass[k];
                var /= mass[k];
                double seMean = 0;
                double seVar = 0;
                for (int i = 0; i < n; i++) {
                    double d = xy[2 * i + a] - mu;
                    seMean += r[i][k] * r[i][k] * (xy[2 * i + a] - mean) * (xy[2 * i + a] - mean);
                    seVar += r[i][k] * r[i][k] * (d * d - var) * (d * d - var);
                }
                seMean = Math.sqrt(seMean) / mass[k];
                seVar = Math.sqrt(seVar) / mass[k];
                String axis = a == 0 ? "x" : "y";
                if (Math.abs(mean - mu) > Z * seMean) {
                    throw Feedback.of(TASK, "mean of " + axis + " in component " + (k + 1))
                        .statistic(mu, mean, String.format(Locale.ROOT, "+- %.2e (%.2f standard errors)", Z * seMean, Z),
                            FALSE_FAILURE_RATE, "component " + (k + 1) + " should be centred at " + Feedback.format(spec.mean(k)));
                }
                if (Math.abs(var - v) > Z * seVar) {
                    throw Feedback.of(TASK, "variance of " + axis + " in component " + (k + 1))
                        .statistic(v, var, String.format(Locale.ROOT, "+- %.2e (%.2f standard errors)", Z * seVar, Z),
                            FALSE_FAILURE_RATE, varianceMistake(v, var));
                }
            }
        }
    }

    /**
     * Tails. The moment checks estimate their standard errors from the sample, so a heavy-tailed sampler inflates its
     * own errors and can pass them (mutation testing found mu + sd / z, a Cauchy-like law, passing). For a point of
     * component k, ||x - mu_k||^2 / v_k is chi-squared with 2 degrees of freedom, so it is farther than FAR from its own
     * mean, and a fortiori from every mean, with probability exp(-FAR / 2) = 3.7e-6: the number of such points among n
     * is at most Poisson(n exp(-FAR / 2)). The check fails at the smallest count c with P(Poisson >= c) below the
     * suites' false-failure rate (c = 4 for n = 10,000: probability 8e-8).
     */
    static void checkTails(MixtureSpec spec, double[] xy) {
        int n = xy.length / 2;
        int far = 0;
        for (int i = 0; i < n; i++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int k = 0; k < spec.components(); k++) {
                double dx = xy[2 * i] - spec.mean(k)[0];
                double dy = xy[2 * i + 1] - spec.mean(k)[1];
                nearest = Math.min(nearest, (dx * dx + dy * dy) / spec.variance(k));
            }
            far += nearest > FAR ? 1 : 0;
        }
        PoissonDistribution farCount = PoissonDistribution.of(n * Math.exp(-FAR / 2));
        int limit = 1;
        while (farCount.survivalProbability(limit - 1) > FALSE_FAILURE_RATE) {
            limit++;
        }
        if (far >= limit) {
            throw Feedback.of(TASK, "points farther than 5 standard deviations from every component's mean")
                .statistic("at most " + (limit - 1), far, String.format(Locale.ROOT, "the Poisson(%.3f) law of that count",
                    n * Math.exp(-FAR / 2)),
                    FALSE_FAILURE_RATE, "the sample has heavy tails: x = mu_k + sqrt(v_k) z with z standard normal "
                        + "(multiply by z, do not divide by it; z from rng.nextGaussian(), not a uniform or another law)");
        }
    }

    private static String varianceMistake(double v, double found) {
        if (Math.abs(found - v * v) < 0.2 * v * v) {
            return "the noise is scaled by the variance; scale it by the standard deviation sqrt(v) = " + Feedback.number(Math.sqrt(v));
        }
        if (Math.abs(found - v * v * v * v) < 0.5 * v * v * v * v) {
            return "the noise is scaled by the variance squared";
        }
        return "x = mu_k + sqrt(v_k) z with z standard normal in each coordinate";
    }
}
