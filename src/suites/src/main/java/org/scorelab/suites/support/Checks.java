package org.scorelab.suites.support;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Exact checks shared by the suites: shapes, finiteness, closeness of numbers. */
public final class Checks {
    private Checks() {
    }

    /** Fails unless {@code value} is non-null with exactly the expected shape; returns its values, row-major. */
    public static double[] shape(String task, String what, INDArray value, long... expected) {
        if (value == null) {
            throw Feedback.of(task, what).mismatch("an array of shape " + Arrays.toString(expected), "null",
                "the method returns null; return the computed array");
        }
        if (!Arrays.equals(value.shape(), expected)) {
            throw Feedback.of(task, what).mismatch(expected, value.shape(), shapeHint(value.shape(), expected));
        }
        return value.dup('c').data().asDouble();
    }

    private static String shapeHint(long[] found, long[] expected) {
        if (expected.length == 1 && found.length == 2 && found[0] == expected[0] && found[1] == 1) {
            return "a column [n, 1] where a vector [n] is expected: reshape(n) the result";
        }
        if (expected.length == 2 && found.length == 2 && found[0] == expected[1] && found[1] == expected[0]) {
            return "the result is transposed";
        }
        return "check the axis of sums and means, and that the result has one row per point";
    }

    /** Fails on the first NaN or infinite value, naming its position. */
    public static void finite(String task, String what, double[] values, String likelyMistake) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw Feedback.of(task, what + ", element " + i).mismatch("a finite number", values[i], likelyMistake);
            }
        }
    }

    /** |found - expected| <= absolute + relative |expected|. */
    public static void close(String task, String what, double expected, double found, double absolute, double relative,
                             String likelyMistake) {
        double tolerance = absolute + relative * Math.abs(expected);
        if (!(Math.abs(found - expected) <= tolerance)) {
            throw Feedback.of(task, what).notClose(expected, found, tolerance, likelyMistake);
        }
    }

    /** Element-wise |autograd - numeric| <= tolerance (1 + |numeric|). */
    public static void matchesFiniteDifferences(String task, String what, INDArray autograd, INDArray numeric, double tolerance,
                                                String likelyMistake) {
        double[] a = autograd.dup('c').data().asDouble();
        double[] n = numeric.dup('c').data().asDouble();
        if (a.length != n.length) {
            throw Feedback.of(task, what + " shape").mismatch(numeric.shape(), autograd.shape(), likelyMistake);
        }
        for (int i = 0; i < a.length; i++) {
            double bound = tolerance * (1 + Math.abs(n[i]));
            if (!(Math.abs(a[i] - n[i]) <= bound)) {
                throw Feedback.of(task, what + ", element " + i + ", against finite differences")
                    .notClose(n[i], a[i], bound, likelyMistake);
            }
        }
    }
}
