package org.scorelab.suites.support;

import java.util.Map;

/**
 * Names a mistake from a wrong value: a check computes, beside the right value, the values that common slips give
 * (a flipped sign, a missing factor, a sum for a mean), and a found value that matches one of them names it. Or says
 * what the wrong value looks like beside the right one ({@link #seen}). Either way the hint says what was seen and
 * where to look, never the formula the task asks for (issue 19).
 */
public final class Slips {
    private Slips() {
    }

    /**
     * @param slips the value each slip gives, keyed by the sentence that names it
     * @return the slip whose value {@code found} matches to 1e-8 relative; if several slips give that value on the
     *     check's inputs (inputs should be chosen so that none do), all of them, joined by "or"; else {@code fallback}
     */
    public static String named(Map<String, Double> slips, double found, String fallback) {
        java.util.List<String> matching = new java.util.ArrayList<>();
        for (Map.Entry<String, Double> slip : slips.entrySet()) {
            if (Math.abs(slip.getValue() - found) <= 1e-8 * (1 + Math.abs(slip.getValue()))) {
                matching.add(slip.getKey());
            }
        }
        return matching.isEmpty() ? fallback : String.join("; or ", matching);
    }

    /**
     * What a wrong number looks like beside the right one, without the formula it should come from (issue 19): "the
     * sign is flipped", "0 where a non-zero value is expected", "off by a constant factor of 2.500 (found / expected)",
     * or "" when none of these fits (a non-finite or a zero expectation included).
     */
    public static String seen(double expected, double found) {
        if (!Double.isFinite(expected) || !Double.isFinite(found) || expected == 0) {
            return "";
        }
        if (found == 0) {
            return "0 where a non-zero value is expected";
        }
        double ratio = found / expected;
        if (Math.abs(ratio + 1) < 1e-6) {
            return "the sign is flipped";
        }
        return Math.abs(ratio - 1) < 1e-3 ? "" : "off by a factor of " + Feedback.number(ratio) + " (found / expected)";
    }

    /**
     * The same for vectors (or values at several points): a sign flipped everywhere, zeros everywhere, or one factor
     * common to every element (to 1e-4 relative, so that finite differences compare too); "" when the elements disagree
     * in some other way.
     */
    public static String seen(double[] expected, double[] found) {
        double ratio = Double.NaN;
        boolean allZero = true;
        for (int i = 0; i < expected.length; i++) {
            if (!Double.isFinite(expected[i]) || !Double.isFinite(found[i])) {
                return "";
            }
            allZero &= found[i] == 0;
            if (Math.abs(expected[i]) > 1e-12) {
                double r = found[i] / expected[i];
                if (Double.isNaN(ratio)) {
                    ratio = r;
                } else if (Math.abs(r - ratio) > 1e-4 * Math.max(1, Math.abs(ratio))) {
                    return "";
                }
            }
        }
        if (allZero) {
            return "0 where non-zero values are expected";
        }
        if (Double.isNaN(ratio) || Math.abs(ratio - 1) < 1e-3) {
            return "";
        }
        return Math.abs(ratio + 1) < 1e-4 ? "the sign is flipped"
            : "off by the same factor " + Feedback.number(ratio) + " everywhere (found / expected)";
    }

    /** {@code seen} followed by ": ", to lead a hint; "" when nothing was seen. */
    public static String prefix(String seen) {
        return seen.isEmpty() ? "" : seen + ": ";
    }

    /**
     * The name of {@code factor} as one of the named candidates, or a product or quotient of two of them (to 1e-6
     * relative), e.g. "2 pi sqrt(v_k)" or "1 / sqrt(v_k)"; null if none gives it.
     */
    public static String factorName(double factor, Map<String, Double> candidates) {
        java.util.List<Map.Entry<String, Double>> named = new java.util.ArrayList<>(candidates.entrySet());
        for (Map.Entry<String, Double> a : named) {
            for (int sign : new int[] {1, -1}) {
                if (near(factor, Math.pow(a.getValue(), sign))) {
                    return sign > 0 ? a.getKey() : "1 / " + a.getKey();
                }
            }
        }
        for (int i = 0; i < named.size(); i++) {
            for (int j = i + 1; j < named.size(); j++) {
                double a = named.get(i).getValue();
                double b = named.get(j).getValue();
                String x = named.get(i).getKey();
                String y = named.get(j).getKey();
                if (near(factor, a * b)) {
                    return x + " " + y;
                }
                if (near(factor, 1 / (a * b))) {
                    return "1 / (" + x + " " + y + ")";
                }
                if (near(factor, a / b)) {
                    return x + " / " + y;
                }
                if (near(factor, b / a)) {
                    return y + " / " + x;
                }
            }
        }
        return null;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= 1e-6 * Math.abs(b);
    }

    /** Whether every two slips give values that differ by more than 1e-6 relative (so a match names one slip). */
    public static boolean distinct(Map<String, Double> slips) {
        java.util.List<Double> values = new java.util.ArrayList<>(slips.values());
        for (int i = 0; i < values.size(); i++) {
            for (int j = i + 1; j < values.size(); j++) {
                if (Math.abs(values.get(i) - values.get(j)) <= 1e-6 * (1 + Math.abs(values.get(i)))) {
                    return false;
                }
            }
        }
        return true;
    }
}
