package org.scorelab.suites.support;

import java.util.Map;

/**
 * Names a mistake from a wrong value: a check computes, beside the right value, the values that common slips give
 * (a flipped sign, a missing factor, a sum for a mean), and a found value that matches one of them names it.
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
