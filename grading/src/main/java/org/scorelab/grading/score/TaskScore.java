package org.scorelab.grading.score;

/**
 * A task's score.
 *
 * @param assignment the assignment's name (e.g. "dsm")
 * @param task the sheet's task
 * @param earned points earned
 * @param max points possible
 * @param passed tests passed
 * @param tests tests run for the task (0 for a task graded by hand)
 * @param comment the manual mark's comment, or why a manual task has no mark
 */
public record TaskScore(String assignment, String task, double earned, double max, int passed, int tests,
                        String comment) {
}
