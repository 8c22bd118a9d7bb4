package org.scorelab.grading.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * A submission's report folder: report.html, the figure (figure.png, when the suites left one), results.json
 * (Gradescope) and report.json, written in that order and each atomically, so that report.json, written last, marks a
 * submission as graded: a batch resumed after an interruption skips exactly the submissions that have it. The figure
 * is kept as a file because report.json leaves it out, and the Moodle feedback files are rendered again from the
 * report.
 */
public final class ReportFiles {
    public static final String JSON = "report.json";
    public static final String HTML = "report.html";
    public static final String GRADESCOPE = "results.json";
    public static final String FIGURE = "figure.png";

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    /** Writes the three reports of {@code report} into {@code dir}. */
    public static void write(SubmissionReport report, Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(HTML), HtmlReport.render(report));
        if (report.figure() != null) {
            AtomicFiles.write(dir.resolve(FIGURE), Base64.getDecoder().decode(report.figure()));
        } else {
            Files.deleteIfExists(dir.resolve(FIGURE));
        }
        AtomicFiles.write(dir.resolve(GRADESCOPE), MAPPER.writeValueAsString(GradescopeResults.of(report)));
        AtomicFiles.write(dir.resolve(JSON), MAPPER.writeValueAsString(report));
    }

    /** A report file's JSON, as the reports are written. */
    public static String json(Object value) throws IOException {
        return MAPPER.writeValueAsString(value);
    }

    /** The report in {@code dir}, with its figure, if the submission was graded completely. */
    public static Optional<SubmissionReport> read(Path dir) throws IOException {
        Path json = dir.resolve(JSON);
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        SubmissionReport report = MAPPER.readValue(json.toFile(), SubmissionReport.class);
        Path figure = dir.resolve(FIGURE);
        return Optional.of(Files.isRegularFile(figure)
            ? report.withFigure(Base64.getEncoder().encodeToString(Files.readAllBytes(figure))) : report);
    }

    /** The HTML report of {@code report}, the page written as report.html. */
    public static String html(SubmissionReport report) {
        return HtmlReport.render(report);
    }
}
