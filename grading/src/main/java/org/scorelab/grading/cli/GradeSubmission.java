package org.scorelab.grading.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scorelab.grading.Grader;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.report.ReportFiles;
import org.scorelab.grading.report.SubmissionReport;
import org.scorelab.grading.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Grades one submission and prints its points per task. */
@Command(name = "submission", mixinStandardHelpOptions = true,
    description = "Grade one submission (a folder or a .zip of the template's files).")
final class GradeSubmission implements Callable<Integer> {
    @Parameters(paramLabel = "UPLOAD", description = "The submission: a folder or a .zip.")
    Path upload;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grading-out",
        description = "Where to write report.json, report.html and results.json (default: ${DEFAULT-VALUE}/<student>).")
    Path out;

    @Mixin
    GradingOptions options;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(upload)) {
            System.err.println("No such submission: " + upload);
            return 2;
        }
        Grader grader = options.grader(2);
        Student student = Student.fromFolderName(upload.toAbsolutePath().normalize().getFileName().toString());
        SubmissionReport report = grader.grade(student, upload);
        Path dir = out.resolve(student.fileKey());
        ReportFiles.write(report, dir);
        System.out.print(TextReport.overview(report));
        System.out.println("\nReports: " + dir.resolve(ReportFiles.HTML) + ", " + dir.resolve(ReportFiles.JSON) + ", "
            + dir.resolve(ReportFiles.GRADESCOPE));
        return "graded".equals(report.status()) ? 0 : 1;
    }
}
