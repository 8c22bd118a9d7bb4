package org.scorelab.grading.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scorelab.grading.Grader;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.report.AtomicFiles;
import org.scorelab.grading.report.GradescopeResults;
import org.scorelab.grading.report.ReportFiles;
import org.scorelab.grading.report.SubmissionReport;
import org.scorelab.grading.report.TextReport;
import org.scorelab.grading.run.Limits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs inside Gradescope's autograder container: grades {@code /autograder/submission} and writes
 * {@code /autograder/results/results.json} (with report.json and report.html beside it). The student is read from
 * {@code submission_metadata.json} when Gradescope provides it.
 */
@Command(name = "gradescope", mixinStandardHelpOptions = true,
    description = "Grade inside Gradescope's container layout (paths configurable for tests).")
final class GradescopeMode implements Callable<Integer> {
    @Option(names = "--root", defaultValue = "/autograder", description = "The autograder root (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--autograder-timeout", paramLabel = "SECONDS", defaultValue = "600",
        description = "The timeout set in the assignment's Autograder Settings (default: ${DEFAULT-VALUE}, Gradescope's"
            + " default): grading stops a minute before it, so results.json is always written.")
    long autograderTimeout;

    @Mixin
    GradingOptions options;

    /** Time kept after the tests for writing the reports, and for the JVM's start before them. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    @Override
    public Integer call() throws Exception {
        Path submission = root.resolve("submission");
        Path results = root.resolve("results");
        Files.createDirectories(results);
        ContainerLimits container = ContainerLimits.here();
        Limits limits = limits(container);
        AtomicFiles.write(results.resolve(ReportFiles.GRADESCOPE), ReportFiles.json(GradescopeResults.unfinished(
            "This is not a grade. Grading did not finish: the autograder's limits (" + container.memoryMegabytes()
                + " MB of memory, " + container.cpus() + " CPU(s), " + autograderTimeout + " s) stopped it before it"
                + " could write your results. Your instructor has been told by this message; nothing is wrong with"
                + " your upload because of it.")));
        int jvms = options.jvms != null ? options.jvms
            : container.testJvms(2, options.heap != null ? options.heap : Limits.defaults().heapMegabytes());
        Grader grader = options.grader(limits, jvms);
        System.out.printf(Locale.ROOT, "Container: %d MB, %d CPU(s); test JVMs: %d at once, heap %d MB each; limits:"
            + " %d s per test, %d s per submission%n", container.memoryMegabytes(), container.cpus(), jvms,
            limits.heapMegabytes(), limits.perTest().toSeconds(), limits.perSubmission().toSeconds());
        Student student = student(root.resolve("submission_metadata.json"));
        SubmissionReport report = grader.grade(student, submission);
        ReportFiles.write(report, results);
        System.out.print(TextReport.overview(report));
        // Gradescope reads results.json whatever the exit code; a non-zero code only marks the run as failed.
        return 0;
    }

    /**
     * The options' limits, fitted to the container: the test JVM's heap from its memory (unless --heap is given),
     * and the times within the autograder's timeout, less {@link #MARGIN}.
     */
    private Limits limits(ContainerLimits container) {
        Limits given = options.limits();
        Limits fitted = options.heap == null ? container.apply(given) : given;
        Duration budget = Duration.ofSeconds(autograderTimeout).minus(MARGIN);
        if (budget.isNegative() || budget.isZero()) {
            budget = Duration.ofSeconds(autograderTimeout / 2);
        }
        Duration submission = given.perSubmission().compareTo(budget) < 0 ? given.perSubmission() : budget;
        Duration test = given.perTest().compareTo(submission) < 0 ? given.perTest() : submission;
        return fitted.withTimes(test, submission);
    }

    private static Student student(Path metadata) {
        try {
            JsonNode user = new ObjectMapper().readTree(metadata.toFile()).path("users").path(0);
            String email = user.path("email").asText("");
            String name = user.path("name").asText(email);
            return new Student(email.isEmpty() ? "gradescope" : email, name.isEmpty() ? "gradescope" : name, "submission");
        } catch (java.io.IOException e) {
            return new Student("gradescope", "gradescope", "submission");
        }
    }
}
