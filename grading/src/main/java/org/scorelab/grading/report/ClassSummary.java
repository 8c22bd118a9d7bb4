package org.scorelab.grading.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.scorelab.grading.score.TaskScore;

/**
 * The class's summary.csv: the points per task across the graded submissions, the tasks most students lost points on
 * first. (Moodle's files, the grading worksheets, feedback zips and the gradebook CSV, are made by
 * {@code org.scorelab.grading.moodle.MoodleExport}.)
 */
public final class ClassSummary {
    private ClassSummary() {
    }

    /** The points per task across the class, the tasks most students lost points on first. */
    public static String csv(List<SubmissionReport> reports) throws IOException {
        Map<String, double[]> tasks = new TreeMap<>();
        for (SubmissionReport r : reports) {
            if (!"graded".equals(r.status())) {
                continue;
            }
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
