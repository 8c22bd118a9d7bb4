package org.scorelab.grading.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scorelab.grading.report.AtomicFiles;

/**
 * Writes the class index into the output folder: {@code index.html}, every student with their standing and points
 * per task, linking to each report, and its figure {@code points-per-task.png} beside it ({@link IndexPage}). Both are
 * rebuilt from the class list whenever the class's files are, so a regrade of one student updates them.
 */
public final class ClassIndex {
    public static final String HTML = "index.html";
    public static final String FIGURE = "points-per-task.png";
    /** How many of the checks most students failed the index lists. */
    static final int FAILED_CHECKS = 12;

    private ClassIndex() {
    }

    /**
     * Writes the index of {@code list} into {@code out} and returns what it holds, in lines for the console: the
     * counts and the flagged pairs.
     *
     * @param classFolder the class folder graded, named on the page
     * @param plan the grading plan whose reports count
     * @param namePairs whether the lines name the flagged pairs (not when the similarity check just printed them)
     */
    public static List<String> write(ClassList list, Path classFolder, Path out, String plan, boolean namePairs)
        throws IOException {
        List<TaskDistribution> tasks = TaskDistribution.of(list);
        Optional<FlaggedPairs> flagged = Optional.empty();
        String problem = null;
        try {
            flagged = FlaggedPairs.read(out);
        } catch (IOException e) {
            problem = e.getMessage();
        }
        String heading = "Class folder " + classFolder.toAbsolutePath().normalize() + ", reports of the plan " + plan
            + "; written " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ".";
        AtomicFiles.write(out.resolve(FIGURE), DistributionChart.png(tasks));
        AtomicFiles.write(out.resolve(HTML), IndexPage.render(new IndexPage.Content(list, heading, FIGURE, tasks,
            FailedChecks.of(list, FAILED_CHECKS), flagged, problem)));
        return describe(list, out, flagged, problem, namePairs);
    }

    private static List<String> describe(ClassList list, Path out, Optional<FlaggedPairs> flagged, String problem,
                                         boolean namePairs) {
        List<String> lines = new ArrayList<>();
        lines.add("Class index: " + out.resolve(HTML) + " (" + list.members().size() + " students: "
            + list.count(Standing.GRADED) + " graded, " + list.count(Standing.NO_SUBMISSION) + " no submission, "
            + (list.count(Standing.NOT_GRADED) + list.count(Standing.GRADER_ERROR)) + " not graded)");
        if (problem != null) {
            lines.add("  " + problem);
        }
        flagged.ifPresent(f -> {
            lines.add("  Pairs flagged by the similarity check of "
                + f.written() + ", for review (no grade changed): "
                + (f.pairs().isEmpty() ? "none" : f.pairs().size()));
            f.pairs().stream().filter(p -> namePairs).forEach(p -> lines.add("    " + p.assignment() + " " + p.similarity() + "  " + p.studentA() + " ("
                + p.idA() + ") ~ " + p.studentB() + " (" + p.idB() + ("class".equals(p.sourceB()) ? "" : ", "
                + p.sourceB()) + ")"));
        });
        return lines;
    }
}
