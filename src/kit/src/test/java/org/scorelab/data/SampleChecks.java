package org.scorelab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Locale;

/**
 * z-checks of sample statistics, failing with the task, the expectation, the finding, the tolerance and the likely
 * mistake. A z-check allows {@link #Z} standard errors.
 */
final class SampleChecks {
    /** Two-sided: P(|N(0, 1)| > 5.33) = 9.8e-8, the false-failure rate of each z-check. */
    static final double Z = 5.33;

    private SampleChecks() {
    }

    static double mean(double[] values) {
        return Arrays.stream(values).sum() / values.length;
    }

    /** z-check of a sample mean of independent values against its expectation, with the sample standard error. */
    static void assertMean(String task, double[] values, double expected, String likelyMistake) {
        double m = mean(values);
        double sumOfSquares = Arrays.stream(values).map(v -> (v - m) * (v - m)).sum();
        double standardError = Math.sqrt(sumOfSquares / (values.length - 1) / values.length);
        assertWithinZ(task, m, expected, standardError, likelyMistake);
    }

    /** z-check of a count of n independent Bernoulli(p) outcomes. */
    static void assertCount(String task, int count, int n, double p, String likelyMistake) {
        assertWithinZ(task, count, n * p, Math.sqrt(n * p * (1 - p)), likelyMistake);
    }

    static void assertWithinZ(String task, double found, double expected, double standardError, String likelyMistake) {
        double tolerance = Z * standardError;
        assertThat(found).as(message(task, expected, found, tolerance, likelyMistake)).isCloseTo(expected, within(tolerance));
    }

    static String message(String task, double expected, double found, double tolerance, String likelyMistake) {
        return String.format(Locale.ROOT, "%s:%n  expected %.6g +- %.3g, found %.6g.%n  Likely mistake: %s", task,
            expected, tolerance, found, likelyMistake);
    }
}
