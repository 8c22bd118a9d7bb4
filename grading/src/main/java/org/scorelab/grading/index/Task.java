package org.scorelab.grading.index;

import java.util.Comparator;
import org.scorelab.grading.score.Scorecard;

/**
 * A task of an assignment's sheet, e.g. dsm 3.4.
 *
 * @param assignment the assignment's name (e.g. "dsm")
 * @param task the sheet's number, "3.4"
 */
public record Task(String assignment, String task) {
    /** The sheets' order: assignment, then task numbers part by part (3.10 after 3.9). */
    static final Comparator<Task> SHEET_ORDER = (a, b) -> Scorecard.byTask(a.key(), b.key());

    String key() {
        return assignment + "/" + task;
    }

    /** "dsm 3.4", as summary.csv and the index name it. */
    public String label() {
        return assignment + " " + task;
    }
}
