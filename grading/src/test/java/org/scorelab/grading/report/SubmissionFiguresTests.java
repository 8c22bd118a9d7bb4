package org.scorelab.grading.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.random.Rng;

/** The report's figure of a trained model, from the artifacts a test JVM left, read as untrusted input. */
class SubmissionFiguresTests {
    @TempDir
    Path workDir;

    @Test
    void wellFormedArtifactsBecomeOneFigureInTheHtmlReport() throws IOException {
        Path artifacts = Files.createDirectories(workDir.resolve("run-dsm").resolve(SubmissionFigures.FOLDER));
        StringBuilder samples = new StringBuilder("# 5000 samples\n");
        Rng rng = new Rng(3);
        for (int i = 0; i < 5000; i++) {
            samples.append(String.format(Locale.ROOT, "%.4f,%.4f%n", 0.5 + 0.1 * rng.nextGaussian(), 0.5 + 0.1 * rng.nextGaussian()));
        }
        Files.writeString(artifacts.resolve("dsm-samples.csv"), samples);
        StringBuilder field = new StringBuilder("# sigma 0.1\n");
        for (int j = 0; j < 17; j++) {
            for (int i = 0; i < 17; i++) {
                double x = -0.5 + 2.0 * i / 16;
                double y = -0.5 + 2.0 * j / 16;
                field.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f%n", x, y, 0.5 - x, 0.5 - y));
            }
        }
        Files.writeString(artifacts.resolve("dsm-score-field.csv"), field);

        String figure = SubmissionFigures.of(workDir).orElseThrow();

        var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(figure)));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(848);
        SubmissionReport report = ReportsTests.report("graded");
        SubmissionReport withFigure = new SubmissionReport(report.student(), report.status(), report.gradedAt(), report.suites(),
            report.reproducibility(), report.uploadNotes(), report.files(), report.runNotes(), report.timings(), report.tests(),
            report.tasks(), report.totals(), figure);
        assertThat(HtmlReport.render(withFigure)).contains("<img").contains("data:image/png;base64," + figure.substring(0, 40));
        assertThat(ReportFiles.MAPPER.writeValueAsString(withFigure)).doesNotContain(figure.substring(0, 40));
    }

    @Test
    void malformedOrMissingArtifactsGiveNoFigureAndNoError() throws IOException {
        assertThat(SubmissionFigures.of(workDir)).isEmpty();
        Path artifacts = Files.createDirectories(workDir.resolve("run").resolve(SubmissionFigures.FOLDER));
        Files.writeString(artifacts.resolve("dsm-samples.csv"), "# forged\n1,2\n3,<script>\n");
        assertThat(SubmissionFigures.of(workDir)).isEmpty();
        Files.delete(artifacts.resolve("dsm-samples.csv"));
        Files.writeString(artifacts.resolve("dsm-score-field.csv"), "# sigma 0.1\n0.5,0.5,1,1\n"); // one arrow: no grid
        assertThat(SubmissionFigures.of(workDir)).isEmpty();
        assertThat(SubmissionFigures.parse(List.of("1,2,3"), 2)).isEmpty();
        assertThat(SubmissionFigures.parse(List.of("# c", "1,2", "NaN,2"), 2))
            .hasValueSatisfying(table -> assertThat(table.rows()).hasNumberOfRows(2));
        assertThat(SubmissionFigures.parse(List.of("# sigma 0.1", "1,2"), 2)).hasValueSatisfying(table -> assertThat(org.scorelab.suites.dsm.EndToEndFigure.sigma(table)).contains(0.1));
        assertThat(SubmissionFigures.parse(List.of("# sigma -3", "1,2"), 2)).hasValueSatisfying(table -> assertThat(org.scorelab.suites.dsm.EndToEndFigure.sigma(table)).isEmpty());
        assertThat(SubmissionFigures.parse(List.of("# only a comment"), 2)).isEmpty();
    }
}
