package org.scorelab.grading.run;

/**
 * A graded test, as the grader discovered it in the suites (never as the submission's JVM reports it).
 *
 * @param id the suite-relative name, e.g. {@code ebm.LangevinTests.sameSeedGivesTheSameChain}
 * @param uniqueId JUnit's unique id, used to select the test in the submission's JVM
 * @param assignment the assignment's name (e.g. "dsm")
 * @param task the sheet's task, e.g. "1.3"
 * @param points the points of {@code @Graded}
 * @param hidden true for the hidden suites' tests
 */
public record PlannedTest(String id, String uniqueId, String assignment, String task, double points, boolean hidden) {
}
