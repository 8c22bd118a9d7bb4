package org.scorelab.suites.support;

import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Runs a statistical check many times with fresh seeds and prints a Markdown row: runs, failures, seconds, and the
 * first failure's message. Every check is designed for a false-failure rate of 1e-7, so any failure is a finding.
 */
public final class CalibrationTable {
    private CalibrationTable() {
    }

    /** The table's header. */
    public static void header() {
        System.out.println("| check (task) | runs | failures | seconds |");
        System.out.println("|---|---|---|---|");
    }

    /** Runs {@code check} with seeds 1,000,003 k, k = 1..runs, and prints its row. */
    public static void row(String name, int runs, LongConsumer check) {
        int failures = 0;
        String first = null;
        long t = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            try {
                check.accept(1_000_003L * (i + 1));
            } catch (GradedFailure e) {
                failures++;
                first = first == null ? e.getMessage().replace('\n', ' ') : first;
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f |%n", name, runs, failures, (System.nanoTime() - t) / 1e9);
        if (first != null) {
            System.out.println("  first failure: " + first);
        }
    }
}
