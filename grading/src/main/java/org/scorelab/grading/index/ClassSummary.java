package org.scorelab.grading.index;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The class's summary.csv: per task, the mean points of the students who submitted its assignment, its points, how
 * many of them lost points, how many there were, and how many students of the class submitted nothing of the
 * assignment ("no submission": not counted as zeros). The tasks most students lost points on come first.
 */
public final class ClassSummary {
    static final String[] HEADER = {"task", "mean points", "max points", "students who lost points", "students",
        "no submission"};

    private ClassSummary() {
    }

    public static String csv(ClassList list) throws IOException {
        List<TaskDistribution> rows = new ArrayList<>(TaskDistribution.of(list));
        rows.sort(Comparator.comparingDouble((TaskDistribution d) -> d.students() == 0 ? 0 : (double) d.lost()
            / d.students()).reversed()); // stable: the sheets' order among ties
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).build())) {
            for (TaskDistribution d : rows) {
                csv.printRecord(d.task().label(), d.students() == 0 ? "" : points(d.mean()), points(d.max()), d.lost(),
                    d.students(), d.noSubmission());
            }
        }
        return out.toString();
    }

    static String points(double p) {
        return String.format(Locale.ROOT, "%.2f", p);
    }
}
