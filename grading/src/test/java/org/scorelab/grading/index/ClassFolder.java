package org.scorelab.grading.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scorelab.grading.Grader;
import org.scorelab.grading.compile.FileOutcome;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.intake.TemplateSources;
import org.scorelab.grading.report.ReportFiles;
import org.scorelab.grading.report.SubmissionReport;
import org.scorelab.grading.report.SubmissionReport.Points;
import org.scorelab.grading.report.SubmissionReport.TestResult;
import org.scorelab.grading.score.TaskScore;

/**
 * A graded class built for the index's tests, without grading: an upload folder per student in {@code class/}, and a
 * report of {@link #PLAN} in {@code out/} as the grader writes them. The course's tasks here are dsm 1.1 (2 points),
 * dsm 3.2 (2), dsm 3.10 (1) and ebm 1.3 (2), one check each; every report has every task, as the grader's do (a task
 * file not uploaded is the template's, which scores zero).
 */
final class ClassFolder {
    static final String PLAN = "public@test";
    static final Map<String, Double> TASKS = new LinkedHashMap<>();

    static {
        TASKS.put("dsm 3.10", 1.0); // listed out of the sheets' order on purpose
        TASKS.put("dsm 1.1", 2.0);
        TASKS.put("dsm 3.2", 2.0);
        TASKS.put("ebm 1.3", 2.0);
    }

    final Path folder;
    final Path out;

    ClassFolder(Path dir) {
        this.folder = dir.resolve("class");
        this.out = dir.resolve("out");
    }

    /**
     * A student graded with {@code earned} points per task ("dsm 1.1" to points; a task not named scores zero) who
     * uploaded the task files of {@code uploaded}; a failed check's message is "Task T: expected 1, found F" with F the
     * points.
     */
    ClassFolder graded(String name, String id, Set<String> uploaded, Map<String, Double> earned) {
        Student student = upload(name, id);
        List<TaskScore> tasks = new ArrayList<>();
        List<TestResult> tests = new ArrayList<>();
        Map<String, Points> totals = new LinkedHashMap<>();
        TASKS.forEach((key, max) -> {
            String[] at = key.split(" ");
            double got = earned.getOrDefault(key, 0.0);
            boolean passed = got >= max;
            tasks.add(new TaskScore(at[0], at[1], got, max, passed ? 1 : 0, 1, ""));
            tests.add(new TestResult(at[0] + ".Task" + at[1].replace('.', '_') + "Tests.check", at[0], at[1], 1,
                false, passed ? "PASSED" : "FAILED", passed ? "" : "Task " + at[1] + ": expected 1, found " + got,
                Map.of(), "", 0.1));
            Points p = totals.getOrDefault(at[0], new Points(0, 0));
            totals.put(at[0], new Points(p.earned() + got, p.max() + max));
        });
        totals.put("total", new Points(totals.values().stream().mapToDouble(Points::earned).sum(),
            totals.values().stream().mapToDouble(Points::max).sum()));
        List<FileOutcome> files = TemplateSources.bundled().files().keySet().stream().map(path -> new FileOutcome(path,
            uploaded.contains(path.split("/")[2]) ? FileOutcome.Source.SUBMITTED : FileOutcome.Source.MISSING, ""))
            .toList();
        write(new SubmissionReport(student, "graded", "2026-11-21T00:00:00Z", "public", Map.of(Grader.PLAN, PLAN),
            List.of(), files, List.of(), Map.of("total", 1.0), tests, tasks, totals, null));
        return this;
    }

    /** An upload graded from no task file at all (an empty zip, a folder of other files): zero everywhere. */
    ClassFolder empty(String name, String id) {
        return graded(name, id, Set.of(), Map.of());
    }

    /** An upload the grader failed on. */
    ClassFolder graderError(String name, String id) {
        write(new SubmissionReport(upload(name, id), "grader-error", "2026-11-21T00:00:00Z", "public",
            Map.of(Grader.PLAN, PLAN), List.of("The grader failed on this submission."), List.of(), List.of(), Map.of(),
            List.of(), List.of(), Map.of("total", new Points(0, 0)), null));
        return this;
    }

    /** An upload with no report yet. */
    ClassFolder notGraded(String name, String id) {
        upload(name, id);
        return this;
    }

    ClassList list() {
        try {
            return ClassList.read(folder, out, PLAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Student upload(String name, String id) {
        String entry = name + "_" + id + "_assignsubmission_file_";
        try {
            Files.createDirectories(folder.resolve(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Student.fromFolderName(entry);
    }

    private void write(SubmissionReport report) {
        try {
            ReportFiles.write(report, out.resolve(report.student().fileKey()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
