package org.scorelab.suites.dsm;

import static org.scorelab.suites.support.Thresholds.FALSE_FAILURE_RATE;

import java.util.Locale;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.SampleMoments;
import org.scorelab.suites.support.Thresholds;

/**
 * Task 1.1's statistical checks of a sample of a mixture, each with a false-failure rate of 1e-7.
 *
 * <p>Component proportions and moments are estimated with the true posterior responsibilities r_k(x), not by
 * assigning points to the nearest mean: for a sample of the mixture, E[r_k(X)] = pi_k,
 * E[r_k(X) X] / pi_k = mu_k and E[r_k(X) (X - mu_k)^2] / pi_k = v_k exactly, so the estimates are unbiased whether the
 * components are drawn with exact proportions or at random; their standard errors come from the same sums.
 *
 * <p>The checks of one sample run in the order that makes the first failure name the most basic mistake (issue 16: a
 * sampler whose means were 4 times too large was first told it had heavy tails): points off the components altogether
 * (the means), a component never drawn, the spread, the means of the components, the tails.
 */
final class MixtureSampleChecks {
    static final String TASK = MixtureSamplingTests.TASK;
    private static final double Z = Thresholds.twoSidedZ(FALSE_FAILURE_RATE);
    /** Squared distance to a mean, in units of that component's variance, beyond which a point is "far" (5 sd). */
    private static final double FAR = 25;

    private MixtureSampleChecks() {
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
            if (!(Math.abs(found - pi) <= Z * se)) {
                int far = farCount(spec, xy);
                throw Feedback.of(TASK, "fraction of the sample in component " + (k + 1))
                    .statistic(pi, found, String.format(Locale.ROOT, "+- %.4f (%.2f standard errors)", Z * se, Z),
                        FALSE_FAILURE_RATE, far > n / 5 ? String.format(Locale.ROOT, "%d of the %d points lie more than 5 "
                            + "standard deviations from every component's mean, so they cannot be counted per component: "
                            + "check the means mu_k and the scale sqrt(v_k) first", far, n)
                            : "draw component k for a fraction pi_k of the points (exactly, or each point's "
                            + "component at random with probabilities pi_k)");
            }
        }
    }

    /** Points off the components, a component never drawn, the spread, the means, then the tails; see the class. */
    static void checkMoments(MixtureSpec spec, double[] xy) {
        MixtureTruth truth = new MixtureTruth(spec);
        int n = xy.length / 2;
        int components = spec.components();
        int far = farCount(spec, xy);
        int farLimit = farLimit(n);
        if (far >= farLimit) {
            checkCentre(spec, xy, far, farLimit);
        }
        double[][] r = new double[n][];
        double[] mass = new double[components];
        for (int i = 0; i < n; i++) {
            r[i] = truth.responsibilities(xy[2 * i], xy[2 * i + 1]);
            for (int k = 0; k < components; k++) {
                mass[k] += r[i][k];
            }
        }
        for (int k = 0; k < components; k++) {
            // Less than half the expected count (25 standard errors below it for a fair sample): the component is missing
            // and its moments would be those of other components' tails.
            if (!(mass[k] >= n * spec.weight(k) / 2)) {
                throw Feedback.of(TASK, "points of component " + (k + 1) + " (soft count)")
                    .mismatch(String.format(Locale.ROOT, "about n pi_k = %.0f", n * spec.weight(k)), String.format(Locale.ROOT,
                        "%.1f", mass[k]), "component " + (k + 1) + " is (almost) never drawn: draw component k for a fraction "
                        + "pi_k of the points, every component included (check the bound of the component index)");
            }
        }
        double[][][] moments = new double[components][2][];
        for (int k = 0; k < components; k++) {
            for (int a = 0; a < 2; a++) {
                moments[k][a] = weightedMoments(spec, xy, r, mass[k], k, a);
            }
        }
        // The spread before the means: a sample too wide shifts the responsibility-weighted means of overlapping
        // components towards each other, and the message should name the spread.
        for (int k = 0; k < components; k++) {
            for (int a = 0; a < 2; a++) {
                double v = spec.variance(k);
                double[] m = moments[k][a];
                if (!(Math.abs(m[2] - v) <= Z * m[3])) {
                    throw Feedback.of(TASK, "variance of " + axis(a) + " in component " + (k + 1))
                        .statistic(v, m[2], String.format(Locale.ROOT, "+- %.2e (%.2f standard errors)", Z * m[3], Z),
                            FALSE_FAILURE_RATE, varianceMistake(v, m[2]));
                }
            }
        }
        for (int k = 0; k < components; k++) {
            for (int a = 0; a < 2; a++) {
                double mu = spec.mean(k)[a];
                double[] m = moments[k][a];
                if (!(Math.abs(m[0] - mu) <= Z * m[1])) {
                    throw Feedback.of(TASK, "mean of " + axis(a) + " in component " + (k + 1))
                        .statistic(mu, m[0], String.format(Locale.ROOT, "+- %.2e (%.2f standard errors)", Z * m[1], Z),
                            FALSE_FAILURE_RATE, "component " + (k + 1) + " is centred " + Feedback.number(m[0] - mu) + " away "
                                + "from its mean " + Feedback.format(spec.mean(k)) + " in " + axis(a) + ": check the shift its "
                                + "points get (this component's mu_k, read from the spec)");
                }
            }
        }
        checkTails(spec, far, farLimit, n);
    }

    /**
     * Called when there are too many far points (the tail check below fails): if the sample's overall mean is also off
     * the mixture's (beyond 5.33 standard errors, from the sample's own variance), the far points are a misplaced
     * sample, not tails, and the message says so. It fails only where the tail check would fail anyway.
     */
    private static void checkCentre(MixtureSpec spec, double[] xy, int far, int farLimit) {
        int n = xy.length / 2;
        double[] expected = new double[2];
        double[] found = new double[2];
        boolean off = false;
        for (int a = 0; a < 2; a++) {
            double[] coordinate = SampleMoments.coordinate(xy, 2, a);
            found[a] = SampleMoments.mean(coordinate);
            // The variance about the sample mean divided by n (biased), as this check has always used.
            double se = Math.sqrt(Variance.of(coordinate).setBiased(true).getAsDouble() / n);
            for (int k = 0; k < spec.components(); k++) {
                expected[a] += spec.weight(k) * spec.mean(k)[a];
            }
            off |= !(Math.abs(found[a] - expected[a]) <= Z * se);
        }
        if (off) {
            throw Feedback.of(TASK, "mean of the whole sample, with " + far + " of " + n + " points farther than 5 standard "
                    + "deviations from every component's mean (at most " + (farLimit - 1) + " expected)")
                .mismatch(expected, found, "the points are not placed around the components' means: check the mean mu_k "
                    + "each component's points are shifted by, read from the spec, and that it is not scaled or shifted");
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
    private static void checkTails(MixtureSpec spec, int far, int limit, int n) {
        if (far >= limit) {
            throw Feedback.of(TASK, "points farther than 5 standard deviations from every component's mean")
                .statistic("at most " + (limit - 1), far, String.format(Locale.ROOT, "the Poisson(%.3f) law of that count",
                    n * Math.exp(-FAR / 2)),
                    FALSE_FAILURE_RATE, "the sample has heavy tails or is too wide: check each point's noise, standard "
                        + "normal numbers from rng.nextGaussian() (not a uniform or another law), multiplied (not divided) "
                        + "by the component's standard deviation");
        }
    }

    /** The smallest far count c with P(Poisson(n exp(-FAR / 2)) >= c) below the false-failure rate. */
    private static int farLimit(int n) {
        PoissonDistribution farCount = PoissonDistribution.of(n * Math.exp(-FAR / 2));
        int limit = 1;
        while (farCount.survivalProbability(limit - 1) > FALSE_FAILURE_RATE) {
            limit++;
        }
        return limit;
    }

    /** The number of points farther than 5 standard deviations from every component's mean. */
    private static int farCount(MixtureSpec spec, double[] xy) {
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
        return far;
    }

    private static String axis(int a) {
        return a == 0 ? "x" : "y";
    }

    /** {mean, its standard error, variance about mu_k, its standard error} of coordinate a, weighted by r_k. */
    private static double[] weightedMoments(MixtureSpec spec, double[] xy, double[][] r, double mass, int k, int a) {
        int n = xy.length / 2;
        double mu = spec.mean(k)[a];
        double mean = 0;
        double var = 0;
        for (int i = 0; i < n; i++) {
            mean += r[i][k] * xy[2 * i + a];
            var += r[i][k] * (xy[2 * i + a] - mu) * (xy[2 * i + a] - mu);
        }
        mean /= mass;
        var /= mass;
        double seMean = 0;
        double seVar = 0;
        for (int i = 0; i < n; i++) {
            double d = xy[2 * i + a] - mu;
            seMean += r[i][k] * r[i][k] * (xy[2 * i + a] - mean) * (xy[2 * i + a] - mean);
            seVar += r[i][k] * r[i][k] * (d * d - var) * (d * d - var);
        }
        return new double[] {mean, Math.sqrt(seMean) / mass, var, Math.sqrt(seVar) / mass};
    }

    private static String varianceMistake(double v, double found) {
        if (Math.abs(found - v * v) < 0.2 * v * v) {
            return "the spread is that of noise scaled by the variance v_k (the variance found is about v_k^2): scale it by "
                + "the standard deviation";
        }
        if (Math.abs(found - v * v * v * v) < 0.5 * v * v * v * v) {
            return "the noise is scaled by the variance squared";
        }
        return String.format(Locale.ROOT, "the points are spread %.2f times too %s (standard deviation): check how each "
            + "coordinate's standard normal number is scaled (by the component's standard deviation; multiplied, not "
            + "divided)", Math.sqrt(Math.max(found, v) / Math.min(found, v)), found > v ? "wide" : "narrow");
    }
}
