package org.scorelab.grading.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.scorelab.grading.ClassGrader;
import org.scorelab.grading.moodle.MoodleExport;
import org.scorelab.grading.moodle.MoodleInputException;
import org.scorelab.grading.Grader;
import org.scorelab.grading.index.Member;
import org.scorelab.grading.report.AtomicFiles;
import org.scorelab.grading.report.ReportFiles;
import org.scorelab.grading.report.SubmissionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Grades a class folder and writes, besides each submission's reports, the class's files ({@link ClassOutputs}: the
 * per-task summary, the class index, Moodle's worksheets, feedback zips and gradebook CSV, the students not graded),
 * built from every report of this plan in the output folder (all shards' so far). The worksheets and the roster are
 * read and checked before any grading.
 */
@Command(name = "class", mixinStandardHelpOptions = true,
    description = "Grade every submission (folder or .zip per student, as an LMS downloads them) of a class folder.")
final class GradeClass implements Callable<Integer> {
    @Parameters(paramLabel = "FOLDER", description = "The class folder.")
    Path folder;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grading-out",
        description = "Reports folder: one folder per student, summary.csv, index.html, not-graded.csv, moodle/ (default:"
            + " ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--workers", defaultValue = "1", description = "Submissions graded at once (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--shard", paramLabel = "K/N", description = "Grade only shard K of N (1-based), for a job array.")
    String shard;

    @Option(names = "--regrade", description = "Grade again submissions that already have a report.")
    boolean regrade;

    @Option(names = "--student", paramLabel = "ID_OR_NAME", split = ",",
        description = "Grade only these students of the class (participant id or full name, comma-separated or"
            + " repeated); the class's files are still built from every report, so one student's regrade"
            + " (--student 100003 --regrade) updates the whole class's summary, index and Moodle files.")
    List<String> students = new ArrayList<>();

    @Option(names = "--no-cache", description = "Run every test, without the results cache in DIR/.results-cache"
        + " (which reruns only the tests whose test, suites, kit, limits or submission classes changed).")
    boolean noCache;

    @Option(names = "--reports-only", description = "Write each submission's reports but not the class's gradebook and"
        + " Moodle files (the shards of a job array; the merge command writes them once all shards ended).")
    boolean reportsOnly;

    @Mixin
    MoodleOptions moodleOptions;

    @Mixin
    SimilarityOptions similarity;

    @Mixin
    GradingOptions options;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(folder)) {
            System.err.println("No such class folder: " + folder);
            return 2;
        }
        if (workers < 1) {
            System.err.println("--workers must be at least 1");
            return 2;
        }
        MoodleExport moodle;
        try {
            moodle = reportsOnly ? moodleOptions.prepare() : moodleOptions.prepare(out);
        } catch (MoodleInputException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (similarity.problem(folder) != null) {
            System.err.println(similarity.problem(folder));
            return 2;
        }
        List<Path> submissions = ClassGrader.submissions(folder, out);
        if (!students.isEmpty()) {
            List<Path> chosen = submissions.stream().filter(p -> {
                org.scorelab.grading.intake.Student s = org.scorelab.grading.intake.Student.fromFolderName(p.getFileName().toString());
                return students.contains(s.id()) || students.contains(s.name());
            }).toList();
            List<String> unknown = students.stream().filter(id -> chosen.stream().map(p -> org.scorelab.grading.intake.Student
                .fromFolderName(p.getFileName().toString())).noneMatch(s -> s.id().equals(id) || s.name().equals(id))).toList();
            if (!unknown.isEmpty()) {
                System.err.println("--student: no submission of " + folder + " has the participant id or name " + unknown);
                return 2;
            }
            submissions = chosen;
        }
        if (shard != null) {
            String[] kn = shard.split("/");
            try {
                submissions = ClassGrader.shard(submissions, Integer.parseInt(kn[0].trim()), Integer.parseInt(kn[1].trim()));
            } catch (RuntimeException e) {
                System.err.println("--shard must be K/N with 1 <= K <= N, e.g. --shard 2/8; found " + shard);
                return 2;
            }
        }
        Grader grader = options.grader(options.limits(), 1, noCache ? null : out.resolve(RESULTS_CACHE));
        System.out.printf(Locale.ROOT, "Grading %d submission(s) of %s with %d worker(s), %d graded tests each (plan %s)%n",
            submissions.size(), folder, workers, grader.plan().size(), grader.planId());
        Set<String> running = ConcurrentHashMap.newKeySet();
        List<ClassGrader.Done> results;
        long start = System.nanoTime();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Grading").setInitialMax(submissions.size())
            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).setMaxRenderedLength(120).build()) {
            results = new ClassGrader(grader, workers).grade(submissions, out, regrade, s -> {
                running.add(s.name());
                bar.setExtraMessage(String.join(", ", running));
            }, d -> {
                running.remove(d.student().name());
                bar.setExtraMessage(String.join(", ", running));
                bar.step();
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int fresh = (int) results.stream().filter(d -> !d.skipped()).count();
        System.out.printf(Locale.ROOT, "%nGraded %d, skipped %d already graded, in %.0f s (%.1f submissions per minute)%n",
            fresh, results.size() - fresh, seconds, fresh == 0 ? 0 : 60 * fresh / seconds);
        for (ClassGrader.Done d : results) {
            SubmissionReport r = d.report();
            Member m = new Member(d.student(), r, null);
            System.out.printf(Locale.ROOT, "  %-28s %-14s %s%n", d.student().name(), m.standing().label(),
                r.totals().entrySet().stream().map(e -> e.getKey() + " " + (m.counted() && !e.getKey().equals("total")
                    && !m.graded(e.getKey()) ? "no submission" : String.format(Locale.ROOT, "%.2f/%.2f",
                    e.getValue().earned(), e.getValue().max()))).reduce((a, b) -> a + "  " + b).orElse(""));
        }
        writeRegrades(results);
        if (!reportsOnly) {
            new ClassOutputs(folder, out, grader.planId(), moodle, similarity).write();
        }
        return results.stream().allMatch(d -> "graded".equals(d.report().status())) ? 0 : 1;
    }

    /** The folder of the results cache, in the reports folder. */
    static final String RESULTS_CACHE = ".results-cache";

    /**
     * {@code regrade.csv}: for every submission graded again in this run that had a report before (another plan, a
     * changed upload, --regrade), each task whose points changed, before and after. A shard writes its own
     * ({@code regrade-shard-K.csv}), so that shards never overwrite each other's.
     */
    private void writeRegrades(List<ClassGrader.Done> results) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        int changed = 0;
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(text,
            org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader("student", "identifier", "assignment", "task",
                "before", "after", "plan before", "plan after").build())) {
            for (ClassGrader.Done d : results) {
                if (d.skipped() || d.previous() == null) {
                    continue;
                }
                java.util.Map<String, Double> before = new java.util.TreeMap<>();
                d.previous().tasks().forEach(t -> before.put(t.assignment() + " " + t.task(), t.earned()));
                for (org.scorelab.grading.score.TaskScore t : d.report().tasks()) {
                    Double was = before.get(t.assignment() + " " + t.task());
                    if (was == null || Math.abs(was - t.earned()) > 1e-9) {
                        csv.printRecord(d.student().name(), d.student().id(), t.assignment(), t.task(),
                            was == null ? "" : String.format(Locale.ROOT, "%.2f", was),
                            String.format(Locale.ROOT, "%.2f", t.earned()), ClassGrader.planOf(d.previous()),
                            ClassGrader.planOf(d.report()));
                        changed++;
                    }
                }
            }
        }
        String name = shard == null ? "regrade.csv" : "regrade-shard-" + shard.split("/")[0].trim() + ".csv";
        AtomicFiles.write(out.resolve(name), text.toString());
        if (changed > 0) {
            System.out.println(changed + " task grade(s) changed on regrading, before and after: " + out.resolve(name));
        }
    }
}
