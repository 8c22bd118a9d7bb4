package org.scorelab.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.report.ReportFiles;
import org.scorelab.grading.report.SubmissionReport;

/**
 * Grades a class: every submission (a folder or a zip per student, as an LMS downloads them) in a folder, with a
 * number of workers, optionally one shard of the class (for a job array). Each submission's reports are written
 * atomically as soon as it is graded, and a submission whose report.json exists with the grader's plan
 * ({@link Grader#planId()}: suites, rubric, limits, versions) is skipped unless regrading, so an interrupted batch
 * resumes where it stopped and a batch with another plan grades again. A submission that breaks the grader gets a "grader-error" report; the
 * others are not affected.
 */
public final class ClassGrader {
    /** What happened to one submission of the batch. */
    public record Done(Student student, SubmissionReport report, boolean skipped, SubmissionReport previous) {
        /** @param previous the report this grading replaced, or null */
        public Done {
        }

        public Done(Student student, SubmissionReport report, boolean skipped) {
            this(student, report, skipped, null);
        }
    }

    private final Grader grader;
    private final int workers;

    public ClassGrader(Grader grader, int workers) {
        this.grader = grader;
        this.workers = workers;
    }

    /** The submissions of a class folder: its sub-folders and zips, by name, without hidden entries. */
    public static List<Path> submissions(Path classFolder, Path out) throws IOException {
        Path outAbs = out.toAbsolutePath().normalize();
        try (Stream<Path> list = Files.list(classFolder)) {
            return list.filter(p -> !p.getFileName().toString().startsWith("."))
                .filter(p -> !p.toAbsolutePath().normalize().equals(outAbs))
                .filter(p -> Files.isDirectory(p) || p.getFileName().toString().toLowerCase().endsWith(".zip"))
                .sorted().toList();
        }
    }

    /** The submissions of shard {@code k} (1-based) of {@code n}: every n-th, so shards are balanced. */
    public static List<Path> shard(List<Path> submissions, int k, int n) {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("--shard K/N needs 1 <= K <= N, found " + k + "/" + n);
        }
        List<Path> mine = new ArrayList<>();
        for (int i = k - 1; i < submissions.size(); i += n) {
            mine.add(submissions.get(i));
        }
        return mine;
    }

    /**
     * Grades {@code submissions} into {@code out/<student>/}, calling {@code started} and {@code done} as it goes.
     */
    public List<Done> grade(List<Path> submissions, Path out, boolean regrade, Consumer<Student> started,
                            Consumer<Done> done) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Done>> futures = new ArrayList<>();
            for (Path submission : submissions) {
                futures.add(pool.submit(() -> {
                    Done d = gradeOne(submission, out, regrade, started);
                    done.accept(d);
                    return d;
                }));
            }
            List<Done> results = new ArrayList<>();
            for (Future<Done> f : futures) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("grading failed outside any submission", e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The plan a report was graded with ({@link Grader#planId()}); "unknown" for reports of older graders. */
    public static String planOf(SubmissionReport report) {
        return report.reproducibility() == null ? "unknown" : report.reproducibility().getOrDefault(Grader.PLAN, "unknown");
    }

    /**
     * A report folder is keyed by name and id; the upload it was graded from must be the one found now, with the same
     * bytes (a student's file replaced by the instructor is graded again).
     */
    private static boolean sameSubmission(SubmissionReport report, Student student, Path upload) {
        return report.student() != null && student.folder().equals(report.student().folder())
            && report.reproducibility() != null
            && Grader.uploadDigest(upload).equals(report.reproducibility().get(Grader.UPLOAD));
    }

    /** The report in {@code dir}; none when there is none or it cannot be read (it is then graded again). */
    private static Optional<SubmissionReport> readQuietly(Path dir) {
        try {
            return ReportFiles.read(dir);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Done gradeOne(Path submission, Path out, boolean regrade, Consumer<Student> started) throws IOException {
        Student student = Student.fromFolderName(submission.getFileName().toString());
        Path dir = out.resolve(student.fileKey());
        Optional<SubmissionReport> existing = readQuietly(dir);
        if (!regrade && existing.isPresent() && "graded".equals(existing.get().status())
            && sameSubmission(existing.get(), student, submission) && grader.planId().equals(planOf(existing.get()))) {
            return new Done(student, existing.get(), true, existing.get());
        }
        started.accept(student);
        SubmissionReport report = grader.grade(student, submission);
        ReportFiles.write(report, dir);
        return new Done(student, report, false, existing.orElse(null));
    }
}
