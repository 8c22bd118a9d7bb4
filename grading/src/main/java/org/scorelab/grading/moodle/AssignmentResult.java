package org.scorelab.grading.moodle;

import java.util.List;
import org.scorelab.grading.report.SubmissionReport;
import org.scorelab.grading.score.TaskScore;

/**
 * One submission's result in one assignment, as Moodle's files need it. An upload that holds none of an assignment's
 * task files did not submit that assignment: it gets no grade there, never a zero (an empty upload, or a student who
 * uploaded only the other assignment's files). A submission the grader failed on gets none either.
 *
 * @param report the whole report
 * @param assignment the assignment's name (e.g. "dsm")
 * @param state graded, not submitted, or not graded because the grader failed
 */
record AssignmentResult(SubmissionReport report, String assignment, State state) {
    /** What a submission is worth in one assignment. */
    enum State { GRADED, NOT_SUBMITTED, GRADER_ERROR }

    static AssignmentResult of(SubmissionReport report, String assignment) {
        if (!"graded".equals(report.status())) {
            return new AssignmentResult(report, assignment, State.GRADER_ERROR);
        }
        boolean submitted = report.submitted(assignment);
        SubmissionReport.Points points = report.totals().get(assignment);
        return new AssignmentResult(report, assignment,
            submitted && points != null && points.max() > 0 ? State.GRADED : State.NOT_SUBMITTED);
    }

    /** The folder (or zip) name the submission had in the class folder. */
    String folder() {
        return report.student().folder();
    }

    double earned() {
        return report.totals().get(assignment).earned();
    }

    double max() {
        return report.totals().get(assignment).max();
    }

    /** The tasks of this assignment that lost points. */
    List<TaskScore> lostTasks() {
        return report.tasks().stream().filter(t -> t.assignment().equals(assignment))
            .filter(t -> t.earned() < t.max() - 1e-9).toList();
    }

    /** The file names of this assignment the grader set aside (did not compile, refused). */
    List<String> setAside() {
        String dir = "/" + assignment + "/";
        return report.problems().stream().filter(f -> f.path().contains(dir))
            .map(f -> f.path().substring(f.path().lastIndexOf('/') + 1)).toList();
    }
}
