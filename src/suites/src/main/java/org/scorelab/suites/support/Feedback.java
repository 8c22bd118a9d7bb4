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

    /** A value outside expected +- tolerance. Expected and found are printed with digits enough to tell them apart. */
    public GradedFailure notClose(Object expected, Object found, String tolerance, String likelyMistake) {
        String[] pair = pair(expected, found, 0);
        String message = header() + "\n  expected " + pair[0] + " +- " + tolerance + ", found " + pair[1] + "."
            + mistake(likelyMistake);
        return new GradedFailure(message, task, check, expected, found, tolerance, likelyMistake);
    }

    /**
     * A number (or vector of numbers) outside expected +- tolerance, printed with digits enough to show the difference
     * at the scale of the tolerance: at least 4 significant digits, and one more than log10(|value| / tolerance).
     */
    public GradedFailure notClose(Object expected, Object found, double tolerance, String likelyMistake) {
        String[] pair = pair(expected, found, tolerance);
        String bound = number(tolerance);
        String message = header() + "\n  expected " + pair[0] + " +- " + bound + ", found " + pair[1] + "." + mistake(likelyMistake);
        return new GradedFailure(message, task, check, expected, found, bound, likelyMistake);
    }

    /** A statistic outside its acceptance interval, with the false-failure rate of a correct implementation. */
    public GradedFailure statistic(Object expected, Object found, String acceptance, double falseFailureRate,
                                   String likelyMistake) {
        String tolerance = acceptance + String.format(Locale.ROOT, " (a correct solution fails this with probability %.0e)",
            falseFailureRate);
        String[] pair = pair(expected, found, 0);
        String message = header() + "\n  expected " + pair[0] + " within " + tolerance + ", found " + pair[1] + "."
            + mistake(likelyMistake);
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
        return number(d, 4);
    }

    /** {@code d} with {@code digits} significant digits: fixed notation between 1e-3 and 1e5, else scientific. */
    static String number(double d, int digits) {
        if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
            return d == 0 ? "0" : String.valueOf(d);
        }
        double a = Math.abs(d);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%." + digits + "g", d)
            : String.format(Locale.ROOT, "%." + (digits - 1) + "e", d);
    }

    /** The most significant digits any message prints: beyond 17, doubles that differ print differently anyway. */
    private static final int MAX_DIGITS = 17;

    /**
     * Expected and found, formatted with the same number of significant digits: at least 4, at least one more than
     * log10(|value| / tolerance) when a numeric tolerance is given (so a difference of the tolerance's size shows),
     * and as many as it takes for two different numbers not to print alike (11.3125 and 11.3122, not 11.31 twice).
     * Values other than numbers and vectors of numbers are printed as {@link #format(Object)} does.
     */
    static String[] pair(Object expected, Object found, double tolerance) {
        double[] e = numbers(expected);
        double[] f = numbers(found);
        if (e == null || f == null) {
            return new String[] {format(expected), format(found)};
        }
        int digits = 4;
        if (tolerance > 0) {
            double largest = 0;
            for (double v : e) {
                largest = Double.isFinite(v) ? Math.max(largest, Math.abs(v)) : largest;
            }
            for (double v : f) {
                largest = Double.isFinite(v) ? Math.max(largest, Math.abs(v)) : largest;
            }
            if (largest > tolerance) {
                digits = Math.max(digits, (int) Math.ceil(Math.log10(largest / tolerance)) + 1);
            }
        }
        digits = Math.min(digits, MAX_DIGITS);
        while (digits < MAX_DIGITS && !java.util.Arrays.equals(e, f) && render(e, expected, digits).equals(render(f, found, digits))) {
            digits++;
        }
        return new String[] {render(e, expected, digits), render(f, found, digits)};
    }

    private static double[] numbers(Object value) {
        if (value instanceof Double d) {
            return new double[] {d};
        }
        return value instanceof double[] v ? v : null;
    }

    private static String render(double[] values, Object original, int digits) {
        if (original instanceof Double) {
            return number(values[0], digits);
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(number(values[i], digits));
        }
        return s.append(")").toString();
    }
}
