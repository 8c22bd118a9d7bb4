package org.scorelab.suites.support;

import java.util.Arrays;
import java.util.Locale;

/**
 * Builds the failure of a graded check, always with the same four facts in the same order (after AssertJ's
 * ShouldBeCloseTo): what was checked, expected (with tolerance), found, likely mistake.
 *
 * <pre>
 * Task 3.4 (analytic score, sigma = 0.1) at x = (0.25, 0.25):
 *   expected (0.000, 0.000) +- 1e-08, found (-0.198, -0.198).
 *   Likely mistake: ...
 * </pre>
 */
public final class Feedback {
    private final String task;
    private final String check;

    private Feedback(String task, String check) {
        this.task = task;
        this.check = check;
    }

    /** Starts the failure of task {@code task}, checking {@code check} (e.g. "analytic score, sigma = 0.1"). */
    public static Feedback of(String task, String check) {
        return new Feedback(task, check);
    }

    /** A value outside expected +- tolerance. */
    public GradedFailure notClose(Object expected, Object found, String tolerance, String likelyMistake) {
        String message = header() + "\n  expected " + format(expected) + " +- " + tolerance + ", found " + format(found) + "."
            + mistake(likelyMistake);
        return new GradedFailure(message, task, check, expected, found, tolerance, likelyMistake);
    }

    /** A statistic outside its acceptance interval, with the false-failure rate of a correct implementation. */
    public GradedFailure statistic(Object expected, Object found, String acceptance, double falseFailureRate,
                                   String likelyMistake) {
        String tolerance = acceptance + String.format(Locale.ROOT, " (a correct solution fails this with probability %.0e)",
            falseFailureRate);
        String message = header() + "\n  expected " + format(expected) + " within " + tolerance + ", found " + format(found)
            + "." + mistake(likelyMistake);
        return new GradedFailure(message, task, check, expected, found, tolerance, likelyMistake);
    }

    /** A wrong shape, count, order or other exact property. */
    public GradedFailure mismatch(Object expected, Object found, String likelyMistake) {
        String message = header() + "\n  expected " + format(expected) + ", found " + format(found) + "." + mistake(likelyMistake);
        return new GradedFailure(message, task, check, expected, found, "exact", likelyMistake);
    }

    private String header() {
        return "Task " + task + " (" + check + "):";
    }

    private static String mistake(String likelyMistake) {
        return likelyMistake == null || likelyMistake.isEmpty() ? "" : "\n  Likely mistake: " + likelyMistake;
    }

    /** Numbers with 4 significant digits, vectors as (a, b), arrays in brackets. */
    public static String format(Object value) {
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof double[] v) {
            StringBuilder s = new StringBuilder("(");
            for (int i = 0; i < v.length; i++) {
                s.append(i == 0 ? "" : ", ").append(number(v[i]));
            }
            return s.append(")").toString();
        }
        if (value instanceof long[] shape) {
            return Arrays.toString(shape);
        }
        if (value instanceof int[] ints) {
            return Arrays.toString(ints);
        }
        return String.valueOf(value);
    }

    public static String number(double d) {
        if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
            return d == 0 ? "0" : String.valueOf(d);
        }
        double a = Math.abs(d);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", d) : String.format(Locale.ROOT, "%.3e", d);
    }
}
