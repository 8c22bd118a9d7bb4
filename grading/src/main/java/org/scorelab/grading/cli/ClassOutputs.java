package org.scorelab.grading.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.scorelab.grading.index.ClassIndex;
import org.scorelab.grading.index.ClassList;
import org.scorelab.grading.index.ClassSummary;
import org.scorelab.grading.index.Member;
import org.scorelab.grading.index.Standing;
import org.scorelab.grading.moodle.MoodleExport;
import org.scorelab.grading.report.AtomicFiles;

/**
 * The class's files, built from the reports in an output folder, whoever wrote them (one machine's {@code class}
 * command, or the shards of a job array followed by {@code merge}), and from the students the worksheets and the
 * roster name ({@link ClassList}): the per-task summary, Moodle's files ({@link MoodleExport}: worksheets, feedback
 * zips, the gradebook CSV where a roster makes it safe), {@code not-graded.csv}, the similarity check when asked, and
 * the class index ({@link ClassIndex}). {@code not-graded.csv} lists the class's submissions without a graded report of
 * this plan (not graded yet, a shard that failed or ran out of time, a grader error, or a report of another plan).
 * Those are listed, never given a grade: running the same grading command again grades exactly them. A student with no
 * upload, or an upload without task files, is "no submission": no grade either, and not a zero in the summary.
 */
final class ClassOutputs {
    static final String NOT_GRADED = "not-graded.csv";

    private final Path classFolder;
    private final Path out;
    private final String plan;
    private final MoodleExport moodle;
    private final SimilarityOptions similarity;

    /**
     * @param classFolder the class folder that was graded
     * @param out the reports folder
     * @param plan the plan whose reports count ({@link org.scorelab.grading.Grader#planId()})
     * @param moodle Moodle's files: the worksheets (downloaded or written from the folder names) and the roster
     * @param similarity the similarity check's options: run after Moodle's files, before the index that names its pairs
     */
    ClassOutputs(Path classFolder, Path out, String plan, MoodleExport moodle, SimilarityOptions similarity) {
        this.classFolder = classFolder;
        this.out = out;
        this.plan = plan;
        this.moodle = moodle;
        this.similarity = similarity;
    }

    /** Writes the class's files and prints what they hold; returns the submissions not graded. */
    List<String> write() throws IOException {
        ClassList uploads = ClassList.read(classFolder, out, plan);
        ClassList list = uploads.withoutUploads(moodle.withoutUpload(uploads.uploads()));
        List<String> missing = writeNotGraded(list);
        String summary = ClassSummary.csv(list);
        AtomicFiles.write(out.resolve("summary.csv"), summary);
        long none = list.count(Standing.NO_SUBMISSION);
        System.out.println("\nPoints per task across the " + list.count(Standing.GRADED) + " graded submission(s) in "
            + out + (none == 0 ? "" : " and " + none + " student(s) with no submission") + ", most often lost first; a"
            + " student who submitted nothing of a task's assignment counts under \"no submission\", not as a zero:\n"
            + summary.indent(2));
        moodle.write(list.reports(), out).forEach(System.out::println);
        if (!missing.isEmpty()) {
            System.out.println("\n" + missing.size() + " submission(s) have no grade of this plan (" + plan + "), listed in "
                + out.resolve(NOT_GRADED) + "; their rows of the Moodle files are left as they are. The same grading"
                + " command grades them: " + String.join(", ", missing));
        }
        similarity.runIfAsked(classFolder, out);
        System.out.println();
        ClassIndex.write(list, classFolder, out, plan, !similarity.enabled).forEach(System.out::println);
        System.out.println("Reports: " + out + "/<student>/report.html");
        return missing;
    }

    /** not-graded.csv: each upload without a graded report of this plan, and why; returns them for the console. */
    private List<String> writeNotGraded(ClassList list) throws IOException {
        StringWriter text = new StringWriter();
        List<String> missing = new ArrayList<>();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT.builder()
            .setHeader("student", "identifier", "upload", "why").build())) {
            for (Member m : list.members()) {
                String why = switch (m.standing()) {
                    case NOT_GRADED -> m.whyNotGraded();
                    case GRADER_ERROR -> m.report().status();
                    default -> null;
                };
                if (why != null) {
                    csv.printRecord(m.student().name(), m.student().id(), m.student().folder(), why);
                    missing.add(m.student().name() + " (" + why + ")");
                }
            }
        }
        AtomicFiles.write(out.resolve(NOT_GRADED), text.toString());
        return missing;
    }
}
