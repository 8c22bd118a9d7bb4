package org.scorelab.grading.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.scorelab.grading.ClassGrader;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.report.AtomicFiles;
import org.scorelab.grading.moodle.MoodleExport;
import org.scorelab.grading.report.ClassSummary;
import org.scorelab.grading.report.ReportFiles;
import org.scorelab.grading.report.SubmissionReport;

/**
 * The class's files, built from the reports in an output folder, whoever wrote them (one machine's {@code class}
 * command, or the shards of a job array followed by {@code merge}): the per-task summary, Moodle's files
 * ({@link MoodleExport}: worksheets, feedback zips, the gradebook CSV where a roster makes it safe) and
 * {@code not-graded.csv}, the class's submissions without a graded report of this plan (not graded yet, a shard that
 * failed or ran out of time, a grader error, or a report of another plan). Those are listed, never given a grade:
 * running the same grading command again grades exactly them.
 */
final class ClassOutputs {
    static final String NOT_GRADED = "not-graded.csv";

    private final Path classFolder;
    private final Path out;
    private final String plan;
    private final MoodleExport moodle;

    /**
     * @param classFolder the class folder that was graded
     * @param out the reports folder
     * @param plan the plan whose reports count ({@link org.scorelab.grading.Grader#planId()})
     * @param moodle Moodle's files: the worksheets (downloaded or written from the folder names) and the roster
     */
    ClassOutputs(Path classFolder, Path out, String plan, MoodleExport moodle) {
        this.classFolder = classFolder;
        this.out = out;
        this.plan = plan;
        this.moodle = moodle;
    }

    /** Writes the class's files and prints what they hold; returns the submissions not graded. */
    List<String> write() throws IOException {
        List<SubmissionReport> graded = new ArrayList<>(); // this plan's reports
        StringWriter notGraded = new StringWriter();
        List<String> missing = new ArrayList<>();
        try (CSVPrinter csv = new CSVPrinter(notGraded, CSVFormat.DEFAULT.builder()
            .setHeader("student", "identifier", "upload", "why").build())) {
            for (Path submission : ClassGrader.submissions(classFolder, out)) {
                Student student = Student.fromFolderName(submission.getFileName().toString());
                Optional<SubmissionReport> report = ReportFiles.read(out.resolve(student.fileKey()));
                String why = why(report);
                if (report.isPresent() && plan.equals(ClassGrader.planOf(report.get()))) {
                    graded.add(report.get()); // a grader error too: the gradebook leaves its grade empty
                }
                if (why != null) {
                    csv.printRecord(student.name(), student.id(), student.folder(), why);
                    missing.add(student.name() + " (" + why + ")");
                }
            }
        }
        AtomicFiles.write(out.resolve(NOT_GRADED), notGraded.toString());
        String summary = ClassSummary.csv(graded);
        AtomicFiles.write(out.resolve("summary.csv"), summary);
        System.out.println("\nPoints per task across the " + graded.size() + " graded submission(s) in " + out
            + ", most often lost first:\n" + summary.indent(2));
        moodle.write(graded, out).forEach(System.out::println);
        if (!missing.isEmpty()) {
            System.out.println("\n" + missing.size() + " submission(s) have no grade of this plan (" + plan + "), listed in "
                + out.resolve(NOT_GRADED) + "; their rows of the Moodle files are left as they are. The same grading"
                + " command grades them: " + String.join(", ", missing));
        }
        System.out.println("\nReports: " + out + "/<student>/report.html");
        return missing;
    }

    /** Why a submission's report does not count, or null when it does. */
    private String why(Optional<SubmissionReport> report) {
        if (report.isEmpty()) {
            return "no report yet";
        }
        if (!plan.equals(ClassGrader.planOf(report.get()))) {
            return "graded with another plan (" + ClassGrader.planOf(report.get()) + ")";
        }
        return "graded".equals(report.get().status()) ? null : report.get().status();
    }
}
