package org.scorelab.grading.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A submission's report folder: report.html, results.json (Gradescope) and report.json, written in that order and
 * each atomically, so that report.json, written last, marks a submission as graded: a batch resumed after an
 * interruption skips exactly the submissions that have it.
 */
public final class ReportFiles {
    public static final String JSON = "report.json";
    public static final String HTML = "report.html";
    public static final String GRADESCOPE = "results.json";

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    /** Writes the three reports of {@code report} into {@code dir}. */
    public static void write(SubmissionReport report, Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(HTML), HtmlReport.render(report));
        AtomicFiles.write(dir.resolve(GRADESCOPE), MAPPER.writeValueAsString(GradescopeResults.of(report)));
        AtomicFiles.write(dir.resolve(JSON), MAPPER.writeValueAsString(report));
    }

    /** The report in {@code dir}, if the submission was graded completely. */
    public static Optional<SubmissionReport> read(Path dir) throws IOException {
        Path json = dir.resolve(JSON);
        return Files.isRegularFile(json) ? Optional.of(MAPPER.readValue(json.toFile(), SubmissionReport.class))
            : Optional.empty();
    }
}
