package org.scorelab.suites.support;

import org.opentest4j.AssertionFailedError;

/**
 * A failed graded check. Besides the message, it keeps its facts as data (task, what was checked, expected, found,
 * tolerance, likely mistake) so that a report can print them as a table or JSON. Built by {@link Feedback}.
 */
public final class GradedFailure extends AssertionFailedError {
    private final String task;
    private final String check;
    private final String tolerance;
    private final String likelyMistake;

    GradedFailure(String message, String task, String check, Object expected, Object found, String tolerance,
                  String likelyMistake) {
        super(message, expected, found);
        this.task = task;
        this.check = check;
        this.tolerance = tolerance;
        this.likelyMistake = likelyMistake;
    }

    public String task() {
        return task;
    }

    public String check() {
        return check;
    }

    public String tolerance() {
        return tolerance;
    }

    public String likelyMistake() {
        return likelyMistake;
    }
}
