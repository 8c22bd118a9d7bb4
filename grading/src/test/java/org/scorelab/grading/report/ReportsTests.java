package org.scorelab.grading.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.compile.FileOutcome;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.report.SubmissionReport.Points;
import org.scorelab.grading.report.SubmissionReport.TestResult;
import org.scorelab.grading.score.TaskScore;

class ReportsTests {
    @TempDir
    Path dir;

    /** dsm 3.3 is worth 10 (rubric) over tests of weights 1 (passed) and 3 (failed); ebm 1.3's hidden test passed. */
    static SubmissionReport report(String status) {
        Map<String, Points> totals = new LinkedHashMap<>();
        totals.put("dsm", new Points(2.5, 10));
        totals.put("ebm", new Points(2, 2));
        totals.put("total", new Points(4.5, 12));
        return new SubmissionReport(new Student("100003", "Carl <Gauss>", "Carl <Gauss>_100003_assignsubmission_file_"), status,
            "2026-11-21T00:00:00Z", "public+hidden", Map.of("seeds", "fixed"), List.of("Ignored 1 file(s): notes.txt."),
            List.of(new FileOutcome("org/scorelab/dsm/EnergyNetwork.java", FileOutcome.Source.DID_NOT_COMPILE,
                "EnergyNetwork.java:60: error: ';' expected")),
            List.of(), Map.of("total", 12.4),
            List.of(new TestResult("dsm.DsmLossTests.a", "dsm", "3.3", 1, false, "PASSED", "", Map.of(), "", 0.2),
                new TestResult("dsm.DsmLossTests.b", "dsm", "3.3", 3, false, "FAILED", "Task 3.3: expected 1 <b>found</b> 2",
                    Map.of("likelyMistake", "the sigma^2 weighting is missing"), "printed", 0.3),
                new TestResult("ebm.EbmTrainingTests.c", "ebm", "1.3", 2, true, "PASSED", "", Map.of(), "", 9.0)),
            List.of(new TaskScore("dsm", "3.3", 2.5, 10, 1, 2, ""), new TaskScore("ebm", "1.3", 2, 2, 1, 1, "")), totals, null);
    }

    @Test
    void gradescopeResultsShareEachTasksPointsAmongItsTestsAndHideHiddenOnes() throws Exception {
        ReportFiles.write(report("graded"), dir);
        JsonNode r = new ObjectMapper().readTree(dir.resolve(ReportFiles.GRADESCOPE).toFile());
        assertThat(r.get("score").asDouble()).isEqualTo(4.5);
        assertThat(r.get("execution_time").asLong()).isEqualTo(12);
        assertThat(r.get("output_format").asText()).as("plain text, not Gradescope's default HTML").isEqualTo("text");
        assertThat(r.get("test_output_format").asText()).isEqualTo("text");
        JsonNode tests = r.get("tests");
        assertThat(tests).hasSize(3);
        assertThat(tests.get(0).get("max_score").asDouble()).isEqualTo(2.5);
        assertThat(tests.get(1).get("max_score").asDouble()).isEqualTo(7.5);
        assertThat(tests.get(1).get("score").asDouble()).isZero();
        assertThat(tests.get(1).get("status").asText()).isEqualTo("failed");
        assertThat(tests.get(1).get("output").asText()).contains("expected 1").contains("Likely mistake: the sigma^2")
            .contains("printed");
        assertThat(tests.get(1).get("visibility").asText()).isEqualTo("visible");
        assertThat(tests.get(2).get("visibility").asText()).isEqualTo("after_published");
        assertThat(tests.get(2).get("number").asText()).isEqualTo("ebm 1.3");
        assertThat(r.get("output").asText()).contains("EnergyNetwork.java does not compile").contains("';' expected");
    }

    @Test
    void theJsonReportReadsBackAndTheHtmlEscapesWhatTheSubmissionWrote() throws Exception {
        SubmissionReport original = report("graded");
        ReportFiles.write(original, dir);
        assertThat(ReportFiles.read(dir)).contains(original);
        String html = java.nio.file.Files.readString(dir.resolve(ReportFiles.HTML));
        assertThat(html).contains("Carl &lt;Gauss&gt;").contains("expected 1 &lt;b&gt;found&lt;/b&gt; 2")
            .doesNotContain("<b>found</b>").contains("the sigma^2 weighting is missing").contains("2.50 / 10.00");
    }

    @Test
    void aReportForOneAssignmentKeepsOnlyItsTestsTasksFilesAndPoints() {
        SubmissionReport dsm = report("graded").withFigure("iVBORw0KGgo=").forAssignment("dsm");
        assertThat(dsm.tests()).extracting(TestResult::assignment).containsOnly("dsm");
        assertThat(dsm.tasks()).extracting(TaskScore::assignment).containsOnly("dsm");
        assertThat(dsm.totals()).containsOnlyKeys("dsm", "total").containsEntry("total", new Points(2.5, 10));
        assertThat(dsm.files()).hasSize(1);
        assertThat(dsm.figure()).isEqualTo("iVBORw0KGgo=");
        SubmissionReport ebm = report("graded").withFigure("iVBORw0KGgo=").forAssignment("ebm");
        assertThat(ebm.files()).isEmpty();
        assertThat(ebm.figure()).as("the figure shows the dsm model").isNull();
        assertThat(ReportFiles.html(ebm)).contains("2.00 / 2.00").doesNotContain("<td>dsm</td>");
    }

    @Test
    void theFigureIsKeptBesideTheJsonReportAndReadBack() throws Exception {
        SubmissionReport withFigure = report("graded").withFigure("iVBORw0KGgo=");
        ReportFiles.write(withFigure, dir);
        assertThat(dir.resolve(ReportFiles.FIGURE)).exists();
        assertThat(ReportFiles.read(dir)).contains(withFigure);
        ReportFiles.write(report("graded"), dir);
        assertThat(dir.resolve(ReportFiles.FIGURE)).doesNotExist();
    }

    @Test
    void theChecksAreListedByTaskInTheSheetsOrder() {
        SubmissionReport r = report("graded");
        List<TestResult> shuffled = List.of(r.tests().get(2), r.tests().get(1),
            new TestResult("dsm.NoiseScheduleTests.d", "dsm", "3.10", 1, false, "PASSED", "", Map.of(), "", 0.1),
            r.tests().get(0));
        String html = ReportFiles.html(new SubmissionReport(r.student(), r.status(), r.gradedAt(), r.suites(),
            r.reproducibility(), r.uploadNotes(), r.files(), r.runNotes(), r.timings(), shuffled, r.tasks(), r.totals(),
            null));
        assertThat(html).containsSubsequence("Task dsm 3.3: dsm.DsmLossTests.b", "Task dsm 3.3: dsm.DsmLossTests.a",
            "Task dsm 3.10: dsm.NoiseScheduleTests.d", "Task ebm 1.3: ebm.EbmTrainingTests.c");
    }

    @Test
    void anAssignmentWithoutAnyTaskFileUploadedIsNoSubmissionInTheReport() {
        // Carl's only file of dsm (EnergyNetwork.java) did not compile, but he uploaded it: dsm is his. No ebm file.
        String html = ReportFiles.html(report("graded"));
        assertThat(html).contains("<b>No submission in ebm</b>").doesNotContain("No submission in dsm");
    }
}
