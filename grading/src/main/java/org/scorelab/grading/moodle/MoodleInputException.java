package org.scorelab.grading.moodle;

/**
 * A file given for Moodle (a worksheet, a roster) that cannot be used, with a sentence that names the file, the rule
 * it breaks and what to do. Thrown before anything is graded or written.
 */
public final class MoodleInputException extends RuntimeException {
    public MoodleInputException(String message) {
        super(message);
    }
}
