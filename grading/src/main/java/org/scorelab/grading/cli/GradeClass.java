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
import org.scorelab.grading.Grader;
import org.scorelab.grading.report.AtomicFiles;
import org.scorelab.grading.report.Gradebook;
import org.scorelab.grading.report.ReportFiles;
import org.scorelab.grading.report.SubmissionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Grades a class folder and writes, besides each submission's reports, the gradebook CSV and the per-task summary,
 * built from every report in the output folder (all shards' so far).
 */
@Command(name = "class", mixinStandardHelpOptions = true,
    description = "Grade every submission (folder or .zip per student, as an LMS downloads them) of a class folder.")
final class GradeClass implements Callable<Integer> {
    @Parameters(paramLabel = "FOLDER", description = "The class folder.")
    Path folder;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grading-out",
        description = "Reports folder: one folder per student, gradebook.csv, summary.csv (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--workers", defaultValue = "1", description = "Submissions graded at once (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--shard", paramLabel = "K/N", description = "Grade only shard K of N (1-based), for a job array.")
    String shard;

    @Option(names = "--regrade", description = "Grade again submissions that already have a report.")
    boolean regrade;

    @Option(names = "--roster", paramLabel = "CSV",
        description = "Roster with columns email and id (or name), to write Moodle's \"Email address\" column.")
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
            System.out.printf(Locale.ROOT, "  %-28s %-14s %s%n", d.student().name(), r.status(),
                r.totals().entrySet().stream().map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f/%.2f",
                    e.getValue().earned(), e.getValue().max())).reduce((a, b) -> a + "  " + b).orElse(""));
        }
        List<SubmissionReport> all = new ArrayList<>();
        List<String> otherPlans = new ArrayList<>();
        for (SubmissionReport r : allReports(out)) {
            if (grader.planId().equals(ClassGrader.planOf(r))) {
                all.add(r);
            } else {
                otherPlans.add(r.student().name() + " (" + ClassGrader.planOf(r) + ")");
            }
        }
        if (!otherPlans.isEmpty()) {
            System.out.println("\n" + otherPlans.size() + " report(s) in " + out + " come from another plan than this"
                + " run's " + grader.planId() + " and are left out of the gradebook and the summary (grade them with"
                + " this command's class folder to include them): " + String.join(", ", otherPlans));
        }
        AtomicFiles.write(out.resolve("gradebook.csv"), Gradebook.csv(all, emails()));
        String summary = Gradebook.summary(all);
        AtomicFiles.write(out.resolve("summary.csv"), summary);
        System.out.println("\nPoints per task across the " + all.size() + " graded submission(s) in " + out
            + ", most often lost first:\n" + summary.indent(2));
        System.out.println("Gradebook: " + out.resolve("gradebook.csv") + "; reports: " + out + "/<student>/report.html");
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

    private Map<String, String> emails() throws IOException {
        if (roster == null) {
            return Collections.emptyMap();
        }
        Map<String, String> emails = new TreeMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        try (Reader in = Files.newBufferedReader(roster, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                String email = r.get("email");
                if (r.isMapped("id")) {
                    emails.put(r.get("id"), email);
                }
                if (r.isMapped("name")) {
                    emails.put(r.get("name"), email);
                }
            }
        }
        return emails;
    }

}
