package org.scorelab.grading.index;

import java.util.Optional;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.report.SubmissionReport;
import org.scorelab.grading.report.SubmissionReport.Points;

/**
 * One student of the class and what they got.
 *
 * @param student who; {@code student.folder()} is null for a student of the worksheets or the roster with no upload
 * @param report the report of the grading plan, or null (no upload, not graded yet, graded with another plan)
 * @param whyNotGraded why an upload has no report of the plan ("no report yet", "graded with another plan (...)"),
 *     or null
 */
public record Member(Student student, SubmissionReport report, String whyNotGraded) {
    /** A student of the class who uploaded nothing. */
    public static Member withoutUpload(Student student) {
        return new Member(student, null, null);
    }

    /** True when the class folder holds an upload of this student's. */
    public boolean uploaded() {
        return student.folder() != null;
    }

    /** Graded when the upload holds task files of an assignment the plan grades; no submission when it holds none. */
    public Standing standing() {
        if (!uploaded()) {
            return Standing.NO_SUBMISSION;
        }
        if (report == null) {
            return Standing.NOT_GRADED;
        }
        if (!"graded".equals(report.status())) {
            return Standing.GRADER_ERROR;
        }
        boolean any = report.totals().keySet().stream().anyMatch(a -> !a.equals("total") && report.submitted(a));
        return any ? Standing.GRADED : Standing.NO_SUBMISSION;
    }

    /**
     * True when the student is graded and submitted {@code assignment}; false for "no submission" there, and for a
     * student not graded ({@link #counted()} tells the two apart).
     */
    public boolean graded(String assignment) {
        return standing() == Standing.GRADED && report.submitted(assignment) && report.totals().containsKey(assignment);
    }

    /** The points of {@code assignment}, when {@link #graded(String) graded} in it. */
    public Optional<Points> points(String assignment) {
        return graded(assignment) ? Optional.of(report.totals().get(assignment)) : Optional.empty();
    }

    /** True when the student counts in the summary: graded, or no submission (never a grader error or not graded). */
    public boolean counted() {
        return standing() == Standing.GRADED || standing() == Standing.NO_SUBMISSION;
    }

    /** "no submission: nothing uploaded", "not graded: no report yet", "graded": what the index shows. */
    public String describe() {
        return switch (standing()) {
            case GRADED, GRADER_ERROR -> standing().label();
            case NO_SUBMISSION -> standing().label() + (uploaded() ? ": no task file in the upload" : ": nothing uploaded");
            case NOT_GRADED -> standing().label() + ": " + whyNotGraded;
        };
    }
}
