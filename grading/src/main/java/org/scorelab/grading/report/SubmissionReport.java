package org.scorelab.grading.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import org.scorelab.grading.compile.FileOutcome;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.intake.TemplateSources;
import org.scorelab.grading.score.TaskScore;

/**
 * Everything the grader knows about one submission: the machine-readable report, written as report.json, from which
 * the HTML report, Gradescope's results.json and the class's Moodle files are made.
 *
 * @param student whose submission
 * @param status "graded", or "grader-error" when the grader itself failed (Moodle's files then leave the grade alone)
 * @param gradedAt when, ISO-8601
 * @param suites which suites ran ("public" or "public+hidden") and their fingerprint
 * @param reproducibility how the run can be repeated: the seeds, the limits
 * @param uploadNotes what was set aside or read with a fallback when reading the upload
 * @param files what became of each template file (submitted, missing, did not compile, refused)
 * @param runNotes what happened to the test JVM
 * @param timings seconds per stage: intake, compile, jvmStart, tests, total (wall time); compileCpu and testsCpu (CPU
 *     time of the grading thread while compiling, and of the test JVMs: what load on the machine does not inflate)
 * @param tests one result per graded test
 * @param tasks points per task
 * @param totals points per assignment, and "total"
 * @param figure the submission's figures beside the exact ones, a base64 PNG for the HTML report ({@link
 *     SubmissionFigures}); null when the suites left none. Not part of report.json.
 */
public record SubmissionReport(Student student, String status, String gradedAt, String suites,
                               Map<String, String> reproducibility, List<String> uploadNotes, List<FileOutcome> files,
                               List<String> runNotes, Map<String, Double> timings, List<TestResult> tests,
                               List<TaskScore> tasks, Map<String, Points> totals, @JsonIgnore String figure) {

    /**
     * This report restricted to one assignment: its tests, tasks, files and points (as the assignment's and as the
     * total), for a feedback file that belongs to that assignment only. The figure is drawn by an assignment's report
     * figure (one per report, {@link org.scorelab.grading.report.SubmissionFigures}), so only the report of an
     * assignment that has one keeps it; the notes on reading the upload and running the tests concern the whole upload
     * and stay.
     */
    public SubmissionReport forAssignment(String assignment) {
        Map<String, Points> only = new java.util.LinkedHashMap<>();
        Points points = totals.getOrDefault(assignment, new Points(0, 0));
        only.put(assignment, points);
        only.put("total", points);
        String dir = "/" + assignment + "/";
        return new SubmissionReport(student, status, gradedAt, suites + " (" + assignment + " only)",
            reproducibility, uploadNotes, files.stream().filter(f -> f.path().contains(dir)).toList(), runNotes, timings,
            tests.stream().filter(t -> t.assignment().equals(assignment)).toList(),
            tasks.stream().filter(t -> t.assignment().equals(assignment)).toList(), only,
            org.scorelab.course.Course.installed().find(assignment)
                .flatMap(org.scorelab.course.AssignmentDescriptor::reportFigure).isPresent() ? figure : null);
    }

    /** The same report with {@code figure} (base64 PNG) as its figure. */
    public SubmissionReport withFigure(String figure) {
        return new SubmissionReport(student, status, gradedAt, suites, reproducibility, uploadNotes, files, runNotes,
            timings, tests, tasks, totals, figure);
    }

    /**
     * True when the upload held one of {@code assignment}'s task files (a template file with tasks, such as
     * {@code dsm/GaussianMixture.java}), whether or not it compiled. An empty upload, or one with only the other
     * assignment's files, did not submit the assignment: "no submission" there, never a graded zero.
     */
    public boolean submitted(String assignment) {
        TemplateSources template = TemplateSources.bundled();
        String dir = "/" + assignment + "/";
        return files.stream().anyMatch(f -> f.path().contains(dir) && f.source() != FileOutcome.Source.MISSING
            && template.files().containsKey(f.path()) && template.hasTasks(f.path()));
    }

    /** The files the grader set aside (did not compile, refused). */
    public List<FileOutcome> problems() {
        return files.stream().filter(FileOutcome::setAside).toList();
    }

    /** Points earned of possible. */
    public record Points(double earned, double max) {
    }

    /**
     * One graded test's result.
     *
     * @param id the test, e.g. {@code ebm.LangevinTests.sameSeedGivesTheSameChain}
     * @param assignment its assignment
     * @param task its task
     * @param weight its weight in the rubric
     * @param hidden whether it is a hidden test
     * @param status how it ended
     * @param message what the student reads (empty when passed)
     * @param details a failed check's facts: check, expected, found, tolerance, likelyMistake
     * @param output what it printed, capped
     * @param seconds how long it ran
     */
    public record TestResult(String id, String assignment, String task, double weight, boolean hidden, String status,
                             String message, Map<String, String> details, String output, double seconds) {
    }
}
