package org.scorelab.grading.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the planned tests against a compiled submission in a separate JVM ({@link SuiteProcess}) and reads the
 * outcomes back over the signed {@link Channel}. The grader, not the test JVM, keeps the clocks: a test past its limit
 * gets the JVM (and every process it started) killed, is recorded as timed out, and a new JVM runs the tests that
 * remain. A JVM that dies (System.exit, out of memory, a crash) costs the test it was running, and the same. What
 * was already reported is never lost.
 */
public final class TestRunner {
    private final Limits limits;

    public TestRunner(Limits limits) {
        this.limits = limits;
    }

    /** Which file-system and network boundary the test JVMs run in, for the report. */
    public static String sandbox() {
        return Sandbox.describe();
    }

    /**
     * Runs {@code plan} against the classes in {@code classes}, with {@code workDir} as the JVM's fresh working
     * directory.
     */
    public SuiteRun run(List<PlannedTest> plan, Path classes, Path workDir) {
        long start = System.nanoTime();
        long deadline = start + limits.perSubmission().toNanos();
        Map<String, PlannedTest> byUniqueId = new LinkedHashMap<>();
        plan.forEach(t -> byUniqueId.put(t.uniqueId(), t));
        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        int starts = 0;
        double startSeconds = -1;
        double cpuSeconds = 0;
        String givenUp = null;
        while (outcomes.size() < plan.size() && givenUp == null) {
            if (starts == limits.maxJvmStarts()) {
                givenUp = "not run: the submission's test JVM was started " + starts + " times and kept failing";
                break;
            }
            starts++;
            TestJvm attempt = new TestJvm(limits, byUniqueId, outcomes, workDir, classes, deadline);
            attempt.run();
            cpuSeconds += attempt.cpuSeconds();
            if (startSeconds < 0 && attempt.firstTestAfter() >= 0) {
                startSeconds = attempt.firstTestAfter();
            }
            notes.addAll(attempt.notes());
            if (attempt.done()) {
                givenUp = "not run: the test JVM finished without running it";
            } else if (attempt.outOfTime()) {
                givenUp = "not run: the submission used up its time limit of " + limits.perSubmission().toSeconds() + " s";
            } else if (!attempt.progressed()) {
                givenUp = "not run: the test JVM failed before running any test" + attempt.stderrHint();
            }
        }
        for (PlannedTest t : plan) {
            if (!outcomes.containsKey(t.uniqueId())) {
                outcomes.put(t.uniqueId(), TestOutcome.of(t, Status.NOT_RUN, givenUp == null ? "not run" : givenUp));
            }
        }
        List<TestOutcome> ordered = plan.stream().map(t -> outcomes.get(t.uniqueId())).toList();
        return new SuiteRun(ordered, notes, starts, Math.max(0, startSeconds), (System.nanoTime() - start) / 1e9, cpuSeconds);
    }
}
