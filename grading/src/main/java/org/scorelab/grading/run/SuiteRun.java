package org.scorelab.grading.run;

import java.util.List;

/**
 * The suites' run on one submission.
 *
 * @param outcomes one per planned test, in the plan's order
 * @param notes what happened to the test JVM (restarts, crashes, limits), for the report
 * @param jvmStarts how many JVMs were started (1 when nothing went wrong)
 * @param startSeconds time from starting the first JVM to its first test
 * @param seconds wall time of the whole run
 * @param cpuSeconds CPU time of its test JVMs (every thread, native ones included, from start to their last test),
 *     which load on the machine does not inflate as it does wall time
 */
public record SuiteRun(List<TestOutcome> outcomes, List<String> notes, int jvmStarts, double startSeconds,
                       double seconds, double cpuSeconds) {
    public SuiteRun {
        outcomes = List.copyOf(outcomes);
        notes = List.copyOf(notes);
    }
}
