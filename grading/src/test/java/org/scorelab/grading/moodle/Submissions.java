package org.scorelab.grading.moodle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scorelab.grading.compile.FileOutcome;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.intake.TemplateSources;
import org.scorelab.grading.report.SubmissionReport;
import org.scorelab.grading.report.SubmissionReport.Points;
import org.scorelab.grading.report.SubmissionReport.TestResult;
import org.scorelab.grading.score.TaskScore;

/** Reports as the grader writes them, built for the Moodle tests, and the worksheet fixtures. */
final class Submissions {
    static final TemplateSources TEMPLATE = TemplateSources.bundled();

    private Submissions() {
    }

    /**
     * A graded submission from the class folder entry {@code folder}: in each assignment of {@code points} (earned,
     * max) one task, "1.1", with those points; the task files of the assignments in {@code uploaded} are the
     * student's, the others the template's (not uploaded).
     */
    static SubmissionReport graded(String folder, Map<String, double[]> points, Set<String> uploaded) {
        List<FileOutcome> files = new ArrayList<>();
        for (String path : TEMPLATE.files().keySet()) {
            String assignment = path.split("/")[2];
            files.add(new FileOutcome(path, uploaded.contains(assignment) ? FileOutcome.Source.SUBMITTED
                : FileOutcome.Source.MISSING, ""));
        }
        List<TaskScore> tasks = new ArrayList<>();
        List<TestResult> tests = new ArrayList<>();
        Map<String, Points> totals = new LinkedHashMap<>();
        double earned = 0;
        double max = 0;
        for (var e : points.entrySet()) {
            double[] p = e.getValue();
            tasks.add(new TaskScore(e.getKey(), "1.1", p[0], p[1], p[0] == p[1] ? 1 : 0, 1, ""));
            tests.add(new TestResult(e.getKey() + ".SomeTests.check", e.getKey(), "1.1", 1, false,
                p[0] == p[1] ? "PASSED" : "FAILED", p[0] == p[1] ? "" : "Task 1.1: expected 1, found 2", Map.of(), "", 0.1));
            totals.put(e.getKey(), new Points(p[0], p[1]));
            earned += p[0];
            max += p[1];
        }
        totals.put("total", new Points(earned, max));
        return new SubmissionReport(Student.fromFolderName(folder), "graded", "2026-11-21T00:00:00Z", "public",
            Map.of("seeds", "fixed"), List.of(), files, List.of(), Map.of("total", 1.0), tests, tasks, totals, null);
    }

    /** A submission the grader failed on. */
    static SubmissionReport graderError(String folder) {
        return new SubmissionReport(Student.fromFolderName(folder), "grader-error", "2026-11-21T00:00:00Z", "public",
            Map.of(), List.of("The grader failed on this submission (java.io.IOException: disk full)."), List.of(),
            List.of(), Map.of(), List.of(), List.of(), Map.of("total", new Points(0, 0)), null);
    }

    static Map<String, double[]> points(String assignment, double earned, double max) {
        return Map.of(assignment, new double[] {earned, max});
    }

    /** What {@link #export} wrote: the moodle/ folder and the lines printed for the teacher. */
    record Exported(java.nio.file.Path moodle, List<String> summary) {
        byte[] file(String name) {
            try {
                return java.nio.file.Files.readAllBytes(moodle.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text(String name) {
            return new String(file(name), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs the Moodle export as the command line does: the worksheets (assignment to fixture name) are written into
     * {@code dir} and read with {@link MoodleExport#prepare}, then the files are written into {@code dir/out/moodle}.
     */
    static Exported export(java.nio.file.Path dir, Map<String, String> worksheets, java.nio.file.Path roster,
                           List<SubmissionReport> reports) {
        try {
            Map<String, java.nio.file.Path> files = new LinkedHashMap<>();
            for (var e : worksheets.entrySet()) {
                java.nio.file.Path f = dir.resolve("downloaded-" + e.getValue());
                java.nio.file.Files.write(f, fixture(e.getValue()));
                files.put(e.getKey(), f);
            }
            java.nio.file.Path out = dir.resolve("out");
            List<String> summary = MoodleExport.prepare(files, roster).write(reports, out);
            return new Exported(out.resolve(MoodleExport.FOLDER), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A worksheet fixture's bytes (src/test/resources/moodle/NAME). */
    static byte[] fixture(String name) {
        try (InputStream in = Submissions.class.getResourceAsStream("/moodle/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
