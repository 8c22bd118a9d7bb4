package org.scorelab.course;

import java.util.Objects;

/**
 * One task of an assignment's sheet.
 *
 * @param number the sheet's number, e.g. "3.3" (unique within its assignment, not across assignments)
 * @param title what the student implements, in a few words
 * @param points the points the graded checks of the task give, public and hidden together
 */
public record Task(String number, String title, double points) {
    public Task {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(title, "title");
        if (!number.matches("[0-9]+(\\.[0-9]+)*")) {
            throw new IllegalArgumentException("a task number is numbers separated by dots, e.g. 3.1.1; got '" + number + "'");
        }
        if (!(points >= 0)) {
            throw new IllegalArgumentException("task " + number + ": points must be at least 0, got " + points);
        }
    }
}
