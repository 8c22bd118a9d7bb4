package org.scorelab.grading.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.scorelab.grading.score.TaskScore;

/**
 * The class's gradebook as a CSV that Moodle's grade import accepts: an identifier column (the roster's email when
 * given, else the LMS identifier read from the folder name), the full name, one grade column per assignment, and a
 * feedback column. On import, map the identifier column to "Email address" (or "ID number") and each assignment
 * column to its grade item. A submission the grader failed on gets an empty grade, never a zero.
 */
public final class Gradebook {
    private Gradebook() {
    }

    /**
     * @param reports the graded submissions
     * @param emails identifier or full name to email, from a roster; may be empty
     */
    public static String csv(List<SubmissionReport> reports, Map<String, String> emails) throws IOException {
        TreeSet<String> assignments = new TreeSet<>();
        reports.forEach(r -> r.totals().keySet().stream().filter(k -> !k.equals("total")).forEach(assignments::add));
        List<String> header = new ArrayList<>();
        header.add(emails.isEmpty() ? "Identifier" : "Email address");
        header.add("Full name");
        assignments.forEach(a -> header.add(a));
        header.add("Feedback");
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build())) {
            for (SubmissionReport r : reports) {
                List<String> row = new ArrayList<>();
                row.add(emails.isEmpty() ? r.student().id()
                    : emails.getOrDefault(r.student().id(), emails.getOrDefault(r.student().name(), "")));
                row.add(r.student().name());
                boolean graded = "graded".equals(r.status());
                for (String a : assignments) {
                    SubmissionReport.Points p = r.totals().get(a);
                    row.add(!graded || p == null ? "" : String.format(Locale.ROOT, "%.2f", p.earned()));
                }
                row.add(graded ? feedback(r) : "Not graded yet: the grader failed on this submission; it will be regraded.");
                csv.printRecord(row);
            }
        }
        return out.toString();
    }

    /** One line: the tasks that lost points. */
    static String feedback(SubmissionReport r) {
        List<String> lost = r.tasks().stream().filter(t -> t.earned() < t.max() - 1e-9)
            .map(t -> String.format(Locale.ROOT, "%s %s %.2f/%.2f", t.assignment(), t.task(), t.earned(), t.max()))
            .toList();
        String problems = r.problems().isEmpty() ? ""
            : " Files set aside: " + String.join(", ", r.problems().stream().map(f -> f.path().substring(f.path().lastIndexOf('/') + 1)).toList()) + ".";
        return (lost.isEmpty() ? "Full marks." : "Points lost in " + String.join("; ", lost) + ".") + problems
            + " See your report for each check's message.";
    }

    /** The points per task across the class, the tasks most students lost points on first. */
    public static String summary(List<SubmissionReport> reports) throws IOException {
        Map<String, double[]> tasks = new java.util.TreeMap<>();
        int graded = 0;
        for (SubmissionReport r : reports) {
            if (!"graded".equals(r.status())) {
                continue;
            }
            graded++;
            for (TaskScore t : r.tasks()) {
                double[] s = tasks.computeIfAbsent(t.assignment() + " " + t.task(), k -> new double[4]);
                s[0] += t.earned();
                s[1] += t.max();
                s[2] += t.earned() < t.max() - 1e-9 ? 1 : 0;
                s[3] += 1;
            }
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
            .setHeader("task", "mean points", "max points", "students who lost points", "students").build())) {
            List<Map.Entry<String, double[]>> rows = new ArrayList<>(tasks.entrySet());
            rows.sort((a, b) -> Double.compare(b.getValue()[2] / b.getValue()[3], a.getValue()[2] / a.getValue()[3]));
            for (Map.Entry<String, double[]> e : rows) {
                double[] s = e.getValue();
                csv.printRecord(e.getKey(), String.format(Locale.ROOT, "%.2f", s[0] / s[3]),
                    String.format(Locale.ROOT, "%.2f", s[1] / s[3]), (int) s[2], (int) s[3]);
            }
        }
        return out.toString();
    }
}
