package org.scorelab.suites.support;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;

/**
 * Mean, unbiased variance and standard error of the mean of per-point terms, for the z- and t-tests of the checks
 * (commons-statistics-descriptive: its sums are compensated, so long samples lose no digits).
 */
public final class SampleMoments {
    private SampleMoments() {
    }

    public static double mean(double[] values) {
        return Mean.of(values).getAsDouble();
    }

    /** The unbiased sample variance, sum (v - mean)^2 / (n - 1). */
    public static double variance(double[] values) {
        return Variance.of(values).getAsDouble();
    }

    /** The standard error of the mean, sqrt(variance / n). */
    public static double standardError(double[] values) {
        return Math.sqrt(variance(values) / values.length);
    }
}
