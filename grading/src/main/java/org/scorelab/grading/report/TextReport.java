package org.scorelab.grading.report;

import java.util.Locale;
import org.scorelab.grading.compile.FileOutcome;
import org.scorelab.grading.report.SubmissionReport.Points;
import org.scorelab.grading.score.TaskScore;

/** The plain-text overview of a submission: points per task, then what was set aside and why. */
public final class TextReport {
    private TextReport() {
    }

    public static String overview(SubmissionReport r) {
        StringBuilder s = new StringBuilder();
        s.append(r.student().name()).append(" (").append(r.student().id()).append("), suites: ").append(r.suites())
            .append('\n');
        for (TaskScore t : r.tasks()) {
            s.append(String.format(Locale.ROOT, "  %s Task %-6s %6.2f / %6.2f   %s%n", t.assignment(), t.task(),
                t.earned(), t.max(), t.tests() > 0 ? t.passed() + " of " + t.tests() + " checks passed" : t.comment()));
        }
        r.totals().forEach((a, p) -> s.append(String.format(Locale.ROOT, "  %-13s %6.2f / %6.2f%n", a, p.earned(), p.max())));
        if (!r.uploadNotes().isEmpty()) {
            s.append("\nReading the upload:\n");
            r.uploadNotes().forEach(n -> s.append("  - ").append(n).append('\n'));
        }
        for (FileOutcome f : r.problems()) {
            s.append('\n').append(f.path()).append(f.source() == FileOutcome.Source.REFUSED
                ? " was refused" : " does not compile").append("; the template's file was graded instead,")
                .append(" so its tasks score zero:\n").append(f.message().indent(2));
        }
        if (!r.runNotes().isEmpty()) {
            s.append("\nRunning the tests:\n");
            r.runNotes().forEach(n -> s.append("  - ").append(n).append('\n'));
        }
        return s.toString();
    }

    /** "12.50 / 20.25" */
    public static String points(Points p) {
        return String.format(Locale.ROOT, "%.2f / %.2f", p.earned(), p.max());
    }
}
