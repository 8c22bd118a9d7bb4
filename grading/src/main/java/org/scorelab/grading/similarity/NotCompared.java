package org.scorelab.grading.similarity;

/**
 * A submission, or one file of it, the check could not compare, and why.
 *
 * @param assignment the assignment's name (e.g. "dsm")
 * @param participant whose submission
 * @param file the file left out, or null when the whole submission was left out
 * @param why the reason, e.g. the parser's first error with its line
 */
public record NotCompared(String assignment, Participant participant, String file, String why) {
    /** "the submission" or the file's name. */
    public String what() {
        return file == null ? "the submission" : file;
    }
}
