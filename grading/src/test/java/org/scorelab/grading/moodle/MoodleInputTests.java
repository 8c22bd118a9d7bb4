package org.scorelab.grading.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.Uploads;
import org.scorelab.grading.cli.Main;
import org.scorelab.grading.report.ReportFiles;

/** Worksheets and rosters that cannot be used are refused before any grading, in a sentence that says why. */
class MoodleInputTests {
    static final String HEADER = "Identifier,\"Full name\",Grade,\"Maximum Grade\",\"Last modified (grade)\","
        + "\"Feedback comments\"\n";

    @TempDir
    Path dir;

    Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    static void refused(Map<String, Path> sheets, String... message) {
        assertThatThrownBy(() -> MoodleExport.prepare(sheets, null)).isInstanceOf(MoodleInputException.class)
            .hasMessageContainingAll(message);
    }

    @Nested
    class TheWorksheetOption {
        @Test
        void takesOneAssignmentEqualsFilePerAssignment() {
            assertThat(MoodleExport.worksheetOptions(List.of("dsm=a.csv", "ebm=dir/b=c.csv")))
                .containsExactly(Map.entry("dsm", Path.of("a.csv")), Map.entry("ebm", Path.of("dir/b=c.csv")));
        }

        @Test
        void refusesAValueWithoutEqualsTwiceTheSameAssignmentAnUnknownOneAndOneFileForTwo() throws Exception {
            assertThatThrownBy(() -> MoodleExport.worksheetOptions(List.of("dsm"))).hasMessage("--worksheet needs "
                + "ASSIGNMENT=FILE, e.g. --worksheet dsm=grades-dsm.csv (the CSV from the dsm assignment's \"Download "
                + "grading worksheet\"); found \"dsm\".");
            assertThatThrownBy(() -> MoodleExport.worksheetOptions(List.of("dsm=a", "dsm=b")))
                .hasMessageContaining("--worksheet dsm is given twice");
            Path sheet = file("s.csv", HEADER);
            refused(Map.of("gan", sheet), "--worksheet gan=", "names no assignment of the course: the assignments are "
                + "[dsm, ebm]");
            refused(new java.util.TreeMap<>(Map.of("dsm", sheet, "ebm", sheet)), "--worksheet dsm and --worksheet ebm "
                + "are the same file");
        }
    }

    @Nested
    class AWorksheet {
        @Test
        void thatDoesNotExistIsRefused() {
            refused(Map.of("dsm", dir.resolve("nope.csv")), "The dsm worksheet ", "nope.csv does not exist");
        }

        @Test
        void withoutAGradeColumnIsRefusedNamingTheLabelsMoodleNeeds() throws Exception {
            refused(Map.of("dsm", file("s.csv", "Identifier,\"Full name\",Points,\"Maximum Grade\",\"Last modified "
                + "(grade)\"\n\"Participant 1\",Ada,,10.00,-\n")), "has no \"Grade\" column: Moodle's \"Upload grading "
                + "worksheet\" needs the header cells \"Identifier\", \"Grade\" and \"Last modified (grade)\"",
                "found the header cells [Identifier, Full name, Points, Maximum Grade, Last modified (grade)]");
        }

        @Test
        void thatIsNotCsvOrNotATableIsRefusedWithTheLine() throws Exception {
            refused(Map.of("dsm", file("a.csv", HEADER + "\"Participant 1\",\"Ada,,10.00,-,\n")),
                "is not valid CSV: the quoted cell that starts on line 2 is never closed");
            refused(Map.of("dsm", file("b.csv", HEADER + "\"Participant 1\",\"Ada\"x,,10.00,-,\n")),
                "is not valid CSV: line 2 has text after the closing quote of a cell");
            refused(Map.of("dsm", file("c.csv", HEADER + "\"Participant 1\",Ada,,10.00,-\n")),
                "is not a table: the row on line 2 has 5 cells and the header 6");
        }

        @Test
        void ofAScaleWithoutAMaximumGradeOrNotInUtf8IsRefused() throws Exception {
            refused(Map.of("dsm", file("scale.csv", "Identifier,Grade,Scale,\"Last modified (grade)\"\n")),
                "is the worksheet of an assignment graded with a scale");
            refused(Map.of("dsm", file("nomax.csv", "Identifier,Grade,\"Last modified (grade)\"\n")),
                "has no \"Maximum Grade\" column");
            Path latin1 = dir.resolve("latin1.csv");
            Files.write(latin1, ("ID,Bewertung,Bestwertung,\"Zuletzt geändert (Bewertung)\"\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            refused(Map.of("ebm", latin1), "is not UTF-8");
        }

        @Test
        void savedWithSemicolonsIsReadAndWrittenWithSemicolons() {
            Worksheet sheet = Worksheet.parse("s", ("ID;\"Vollständiger Name\";Bewertung;Bestwertung;\"Zuletzt geändert "
                + "(Bewertung)\";\"Feedback als Kommentar\"\r\nTeilnehmer/in7;Eve;;20,00;-;\r\n")
                .getBytes(StandardCharsets.UTF_8));
            assertThat(sheet.describe()).isEqualTo("German labels, decimal comma, cells separated by semicolons");
            var filled = WorksheetFill.fill(sheet, "dsm", List.of(AssignmentResult.of(Submissions.graded(
                "Eve_7_assignsubmission_file_", Submissions.points("dsm", 1, 8), Set.of("dsm")), "dsm")));
            assertThat(new String(filled.csv(), StandardCharsets.UTF_8)).contains("\r\nTeilnehmer/in7;Eve;2,50;20,00;-;");
        }
    }

    @Nested
    class TheCommandLine {
        @Test
        void refusesBadMoodleInputBeforeGradingAndLeavesWhatWasGradedAlone() throws Exception {
            Path out = dir.resolve("out");
            Path ada = out.resolve("Ada_Lovelace_100001");
            ReportFiles.write(Submissions.graded("Ada Lovelace_100001_assignsubmission_file_",
                Submissions.points("dsm", 2, 2), Set.of("dsm")), ada);
            byte[] before = Files.readAllBytes(ada.resolve(ReportFiles.JSON));
            Path noGrade = file("nograde.csv", "Identifier,Points,\"Last modified (grade)\"\n");
            Path malformed = file("malformed.csv", HEADER + "\"Participant 1\n");
            Map<List<String>, String> cases = Map.of(
                List.of("--worksheet", "dsm"), "--worksheet needs ASSIGNMENT=FILE",
                List.of("--worksheet", "gan=" + noGrade), "names no assignment of the course",
                List.of("--worksheet", "dsm=" + dir.resolve("missing.csv")), "does not exist",
                List.of("--worksheet", "dsm=" + malformed), "is never closed",
                List.of("--worksheet", "ebm=" + noGrade), "has no \"Grade\" column",
                List.of("--roster", dir.resolve("roster.csv").toString()), "The roster");
            for (var c : cases.entrySet()) {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                PrintStream original = System.err;
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                int code;
                try {
                    code = Main.run(Stream.concat(Stream.of("class", Uploads.exampleClass().toString(), "--out",
                        out.toString()), c.getKey().stream()).toArray(String[]::new));
                } finally {
                    System.setErr(original);
                }
                assertThat(code).as(c.getKey().toString()).isEqualTo(2);
                assertThat(err.toString(StandardCharsets.UTF_8)).as(c.getKey().toString()).contains(c.getValue());
            }
            assertThat(Files.readAllBytes(ada.resolve(ReportFiles.JSON))).isEqualTo(before);
            try (var entries = Files.list(out)) {
                assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("Ada_Lovelace_100001");
            }
        }
    }
}
