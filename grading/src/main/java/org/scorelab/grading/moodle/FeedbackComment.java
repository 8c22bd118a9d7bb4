package org.scorelab.grading.moodle;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;
import java.util.Locale;
import org.scorelab.grading.score.TaskScore;

/**
 * The short text for the worksheet's "Feedback comments" cell: the points, the tasks that lost points, the files set
 * aside, and a pointer to the feedback file (report.html) that holds each check's message. Moodle stores an imported
 * comment as HTML (assign_feedback_comments::set_editor_text, FORMAT_HTML), so it is a few escaped paragraphs.
 *
 * <p>A comment the teacher wrote in Moodle before the worksheet was downloaded is kept: the grader's paragraphs go
 * after it, and on the next run replace only what the grader wrote, which starts with {@link #MARK}.
 */
final class FeedbackComment {
    static final String MARK = "<p>scorelab autograder: ";

    private FeedbackComment() {
    }

    /**
     * @param r the submission's result
     * @param grade the grade written, as written
     * @param maximum the row's maximum grade, as in the sheet
     * @param scaled whether the grade is the points scaled to a maximum grade other than the points
     */
    static String of(AssignmentResult r, String grade, String maximum, boolean scaled) {
        StringBuilder s = new StringBuilder(MARK).append(e(r.assignment())).append(' ').append(points(r.earned()))
            .append(" of ").append(points(r.max())).append(" points");
        if (scaled) {
            s.append(", so ").append(grade).append(" of ").append(maximum).append(" in this assignment's grade");
        }
        List<TaskScore> lost = r.lostTasks();
        s.append(lost.isEmpty() ? ": full marks.</p>" : ".</p><p>Points lost in " + String.join(", ", lost.stream()
            .map(t -> "Task " + e(t.task()) + " (" + points(t.earned()) + " of " + points(t.max()) + ")").toList()) + ".</p>");
        if (!r.setAside().isEmpty()) {
            s.append("<p>Set aside (did not compile, or used what the grader does not allow), so graded as the "
                + "template: ").append(e(String.join(", ", r.setAside()))).append(".</p>");
        }
        s.append("<p>Each check's message and likely mistake: your feedback file report.html.</p>");
        return s.toString();
    }

    /** The cell's new value: the teacher's text, if any, then the grader's (replacing what it wrote before). */
    static String merge(String existing, String ours) {
        int at = existing.indexOf(MARK);
        String teacher = at >= 0 ? existing.substring(0, at) : existing;
        return teacher + ours;
    }

    /** True when the cell holds text the teacher wrote (not only what the grader wrote before). */
    static boolean keepsTeacherText(String existing) {
        int at = existing.indexOf(MARK);
        return !(at >= 0 ? existing.substring(0, at) : existing).isBlank();
    }

    private static String points(double p) {
        return String.format(Locale.ROOT, "%.2f", p);
    }

    /** What came from the rubric or the report (task and file names), escaped; without backslashes (see CsvText). */
    private static String e(String text) {
        return escapeHtml4(text).replace('\\', '/');
    }
}
