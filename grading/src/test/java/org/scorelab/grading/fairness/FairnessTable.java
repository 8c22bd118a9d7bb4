package org.scorelab.grading.fairness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.scorelab.grading.Uploads;
import org.scorelab.grading.report.SubmissionReport;
import org.scorelab.grading.report.SubmissionReport.TestResult;
import org.scorelab.grading.score.TaskScore;

/** The fairness run's table: one row per draw, then every failed check with its whole message, then a tally per check. */
final class FairnessTable {
    private FairnessTable() {
    }

    static Path file(String mode) throws IOException {
        return Files.createDirectories(Uploads.repository().resolve("grading/target/fairness")).resolve("draws-" + mode + ".md");
    }

    static void write(Path file, String mode, Map<ChoiceSpace.Draw, SubmissionReport> reports, Map<String, Set<String>> open)
        throws IOException {
        StringBuilder md = new StringBuilder();
        long full = reports.values().stream().filter(FairnessTable::fullMarks).count();
        double seconds = reports.values().stream().mapToDouble(r -> r.timings().getOrDefault("total", 0.0)).sum();
        md.append(String.format(Locale.ROOT, "Mode %s: %d draw(s) graded, %d with full marks; %.0f s in all (%.0f s per draw)%n%n",
            mode, reports.size(), full, seconds, seconds / Math.max(1, reports.size())));
        md.append("| draw | choices | dsm | ebm | lost (task: points) | failed checks | s |\n|---|---|---|---|---|---|---|\n");
        reports.forEach((d, r) -> md.append(row(d, r)).append('\n'));
        md.append("\n## Failed checks\n\n");
        Map<String, List<String>> byCheck = new TreeMap<>();
        reports.forEach((d, r) -> failures(r).forEach(t -> {
            boolean known = open.getOrDefault(d.name(), Set.of()).stream().anyMatch(t.id()::endsWith);
            byCheck.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(d.name());
            md.append(String.format(Locale.ROOT, "- **%s** %s %s%s (%.0f s):%n%n  ```%n  %s%n  ```%n", d.name(), t.id(), t.status(),
                known ? " (open defect)" : "", t.seconds(), t.message().strip().replace("\n", "\n  ")));
        }));
        md.append("\n## Per check\n\n| check | draws that failed it |\n|---|---|\n");
        byCheck.forEach((check, draws) -> md.append("| ").append(check).append(" | ").append(draws.size()).append(": ")
            .append(String.join(", ", draws)).append(" |\n"));
        Files.writeString(file, md);
    }

    static String row(ChoiceSpace.Draw d, SubmissionReport r) {
        List<String> lost = new ArrayList<>();
        for (TaskScore t : r.tasks()) {
            if (t.earned() < t.max() - 1e-9) {
                lost.add(String.format(Locale.ROOT, "%s %s: %.2f/%.2f", t.assignment(), t.task(), t.earned(), t.max()));
            }
        }
        List<String> checks = failures(r).stream().map(t -> t.id().replaceFirst("^[a-z]+\\.", "") + " " + t.status()).toList();
        return String.format(Locale.ROOT, "| %s | dsm %s; ebm %s | %s | %s | %s | %s | %.0f |", d.name(), d.dsm(), d.ebm(),
            points(r, "dsm"), points(r, "ebm"), lost.isEmpty() ? "none" : String.join(", ", lost),
            checks.isEmpty() ? "" : String.join(", ", checks), r.timings().getOrDefault("total", 0.0)).replace("\n", " ");
    }

    static boolean fullMarks(SubmissionReport r) {
        return "graded".equals(r.status()) && failures(r).isEmpty();
    }

    private static List<TestResult> failures(SubmissionReport r) {
        return r.tests().stream().filter(t -> !t.status().equals("PASSED")).toList();
    }

    private static String points(SubmissionReport r, String assignment) {
        SubmissionReport.Points p = r.totals().get(assignment);
        return p == null ? "" : String.format(Locale.ROOT, "%.2f/%.2f", p.earned(), p.max());
    }

    static String brief(String message) {
        String m = message.replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return m.length() <= 300 ? m : m.substring(0, 297) + "...";
    }
}
