package org.scorelab.suites.support;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.SumOfSquares;
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

    /** The sum of squares, sum v^2 (about 0: for values whose mean is known to be 0, a chi-squared statistic). */
    public static double sumOfSquares(double[] values) {
        return SumOfSquares.of(values).getAsDouble();
    }

    /** The mean square, sum v^2 / n (the second moment about 0). */
    public static double meanSquare(double[] values) {
        return sumOfSquares(values) / values.length;
    }

    /** Coordinate {@code a} of points stored row-major, {@code dimensions} numbers per point, as a sample of its own. */
    public static double[] coordinate(double[] points, int dimensions, int a) {
        double[] values = new double[points.length / dimensions];
        for (int i = 0; i < values.length; i++) {
            values[i] = points[dimensions * i + a];
        }
        return values;
    }
}
