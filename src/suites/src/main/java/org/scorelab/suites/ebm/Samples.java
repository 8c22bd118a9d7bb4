package org.scorelab.suites.ebm;

import java.util.Arrays;

/** Means and standard errors of per-point terms, for the z-tests of the checks. */
final class Samples {
    private Samples() {
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    /** The standard error of the mean, sd / sqrt(n). */
    static double standardError(double[] values) {
        double m = mean(values);
        double ss = Arrays.stream(values).map(v -> (v - m) * (v - m)).sum();
        return Math.sqrt(ss / (values.length - 1) / values.length);
    }

    /** Row i of a row-major [n, 2] array as (x, y). */
    static double[] point(double[] xy, int i) {
        return new double[] {xy[2 * i], xy[2 * i + 1]};
    }
}
