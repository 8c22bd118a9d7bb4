package org.scorelab.grading.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.scorelab.grading.ClassGrader;
import org.scorelab.grading.Grader;
import org.scorelab.grading.moodle.MoodleExport;
import org.scorelab.grading.moodle.MoodleInputException;
import org.scorelab.grading.report.AtomicFiles;
import org.scorelab.grading.report.ClassSummary;
import org.scorelab.grading.report.ReportFiles;
import org.scorelab.grading.report.SubmissionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Grades a class folder and writes, besides each submission's reports, the per-task summary and Moodle's files (the
 * grading worksheets, the feedback zips, and the gradebook CSV where a roster makes it safe), built from every report in
 * the output folder (all shards' so far). The worksheets and the roster are read and checked before any grading.
 */
@Command(name = "class", mixinStandardHelpOptions = true,
    description = "Grade every submission (folder or .zip per student, as an LMS downloads them) of a class folder.")
final class GradeClass implements Callable<Integer> {
    @Parameters(paramLabel = "FOLDER", description = "The class folder.")
    Path folder;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grading-out",
        description = "Reports folder: one folder per student, summary.csv, moodle/ (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--workers", defaultValue = "1", description = "Submissions graded at once (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--shard", paramLabel = "K/N", description = "Grade only shard K of N (1-based), for a job array.")
    String shard;

    @Option(names = "--regrade", description = "Grade again submissions that already have a report.")
    boolean regrade;

    @Option(names = "--worksheet", paramLabel = "ASSIGNMENT=FILE",
        description = "The grading worksheet downloaded from the assignment's Moodle page, to fill in (repeat per "
            + "assignment: --worksheet dsm=dsm.csv --worksheet ebm=ebm.csv). Without one, a worksheet is written from the"
            + " folder names.")
    List<String> worksheets = new ArrayList<>();

    @Option(names = "--roster", paramLabel = "CSV",
        description = "Roster with a column id (participant id of the folder) or name, and email or idnumber: writes "
            + "moodle/gradebook-<assignment>.csv for Moodle's gradebook import, if it covers every graded student.")
    Path roster;

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
            moodle = MoodleExport.prepare(MoodleExport.worksheetOptions(worksheets), roster);
        } catch (MoodleInputException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        List<Path> submissions = ClassGrader.submissions(folder, out);
        if (shard != null) {
            String[] kn = shard.split("/");
            try {
                submissions = ClassGrader.shard(submissions, Integer.parseInt(kn[0].trim()), Integer.parseInt(kn[1].trim()));
            } catch (RuntimeException e) {
                System.err.println("--shard must be K/N with 1 <= K <= N, e.g. --shard 2/8; found " + shard);
                return 2;
            }
        }
        Grader grader = options.grader(1);
        System.out.printf(Locale.ROOT, "Grading %d submission(s) of %s with %d worker(s), %d graded tests each%n",
            submissions.size(), folder, workers, grader.plan().size());
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
            System.out.printf(Locale.ROOT, "  %-28s %-14s %s%n", d.student().name(), r.status(),
                r.totals().entrySet().stream().map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f/%.2f",
                    e.getValue().earned(), e.getValue().max())).reduce((a, b) -> a + "  " + b).orElse(""));
        }
        List<SubmissionReport> all = allReports(out);
        String summary = ClassSummary.csv(all);
        AtomicFiles.write(out.resolve("summary.csv"), summary);
        System.out.println("\nPoints per task across the " + all.size() + " graded submission(s) in " + out
            + ", most often lost first:\n" + summary.indent(2));
        moodle.write(all, out).forEach(System.out::println);
        System.out.println("\nReports: " + out + "/<student>/report.html");
        return results.stream().allMatch(d -> "graded".equals(d.report().status())) ? 0 : 1;
    }

    private static List<SubmissionReport> allReports(Path out) throws IOException {
        List<SubmissionReport> all = new ArrayList<>();
        if (!Files.isDirectory(out)) {
            return all;
        }
        try (var dirs = Files.list(out)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory).sorted()::iterator) {
                ReportFiles.read(dir).ifPresent(all::add);
            }
        }
        return all;
    }
}
