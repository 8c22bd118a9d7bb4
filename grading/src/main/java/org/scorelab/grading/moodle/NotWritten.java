package org.scorelab.grading.moodle;

/**
 * A submission the grader did not write into an assignment's Moodle files, and why: a line of moodle/unmatched.csv.
 *
 * @param assignment the assignment
 * @param folder the submission's folder (or zip) name in the class folder
 * @param participant the participant id it was read with, or "" when there is none
 * @param reason a sentence: what was found, what was expected, what to do
 */
record NotWritten(String assignment, String folder, String participant, String reason) {
}
