package org.scorelab.grading.run;

import java.util.Map;

/**
 * How one graded test ended for one submission.
 *
 * @param test the test
 * @param status how it ended
 * @param message what the student reads: the check's message, the exception and the student's stack frames, or the
 *     grader's reason (a time-out, a crash); empty when passed
 * @param details a graded failure's facts (check, expected, found, tolerance, likelyMistake), when it has them
 * @param output what the test printed, capped
 * @param seconds how long it ran
 */
public record TestOutcome(PlannedTest test, Status status, String message, Map<String, String> details, String output,
                          double seconds) {
    public TestOutcome {
        details = Map.copyOf(details);
    }

    static TestOutcome of(PlannedTest test, Status status, String message) {
        return new TestOutcome(test, status, message, Map.of(), "", 0);
    }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
