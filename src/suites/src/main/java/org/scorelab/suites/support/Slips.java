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
     * @return the first slip whose value {@code found} matches to 1e-8 relative, or {@code fallback}
     */
    public static String named(Map<String, Double> slips, double found, String fallback) {
        for (Map.Entry<String, Double> slip : slips.entrySet()) {
            if (Math.abs(slip.getValue() - found) <= 1e-8 * (1 + Math.abs(slip.getValue()))) {
                return slip.getKey();
            }
        }
        return fallback;
    }
}
