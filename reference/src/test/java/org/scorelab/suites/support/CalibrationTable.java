package org.scorelab.suites.support;

import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Runs statistical checks many times with fresh seeds and counts their failures: the false-failure rate of a correct
 * implementation, or the detection rate of a wrong one (issue 7, item 3). Every check is designed for a false-failure
 * rate of 1e-7, so any failure of a correct implementation is a finding.
 */
public final class CalibrationTable {
    private CalibrationTable() {
    }

    /** A statistical check of one task, run {@code runs} times with seeds 1,000,003 k, k = 1..runs. */
    public record Check(String name, int runs, LongConsumer body) {
    }

    /** How a check fared: failures among runs, the time, and the first failure's message (null if none). */
    public record Tally(String name, int runs, int failures, double seconds, String first) {
        /** One tab-separated line, for a harness reading this JVM's output. */
        String line() {
            return String.join("\t", "CALIBRATION", name, Integer.toString(runs), Integer.toString(failures),
                String.format(Locale.ROOT, "%.1f", seconds), first == null ? "" : first);
        }
    }

    /**
     * Runs a check. A failed check (GradedFailure), and anything else the implementation throws (an exception, a
     * failed assertion, a stack overflow), counts as a failure: either way the student would lose the check's points.
     */
    public static Tally run(Check check) {
        int failures = 0;
        String first = null;
        long t = System.nanoTime();
        for (int i = 0; i < check.runs(); i++) {
            try {
                check.body().accept(1_000_003L * (i + 1));
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                    throw e;
                }
                failures++;
                first = first == null ? (e.getClass().getSimpleName() + ": " + e.getMessage()).replaceAll("\\s+", " ") : first;
            }
        }
        return new Tally(check.name(), check.runs(), failures, (System.nanoTime() - t) / 1e9, first);
    }

    /** Runs every check and prints a Markdown table: runs, failures, seconds, and the first failure's message. */
    public static void print(List<Check> checks) {
        System.out.println("| check (task) | runs | failures | seconds |");
        System.out.println("|---|---|---|---|");
        for (Check check : checks) {
            Tally t = run(check);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f |%n", t.name(), t.runs(), t.failures(), t.seconds());
            if (t.first() != null) {
                System.out.println("  first failure: " + t.first());
            }
        }
    }

    /** Runs every check and prints one {@link Tally#line()} each, as it finishes. */
    public static void printLines(List<Check> checks) {
        for (Check check : checks) {
            System.out.println(run(check).line());
            System.out.flush();
        }
    }
}
