package org.scorelab.grading.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scorelab.grading.moodle.Submissions.export;
import static org.scorelab.grading.moodle.Submissions.fixture;
import static org.scorelab.grading.moodle.Submissions.graded;
import static org.scorelab.grading.moodle.Submissions.graderError;
import static org.scorelab.grading.moodle.Submissions.points;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.moodle.MoodleUpload.Imported;
import org.scorelab.grading.moodle.MoodleUpload.Labels;
import org.scorelab.grading.report.SubmissionReport;

/**
 * The grading worksheets and feedback zips, checked the way Moodle's imports read them (MoodleUpload), on worksheets
 * written in the layout of Moodle's download (src/test/resources/moodle).
 */
class MoodleWorksheetTests {
    @TempDir
    Path dir;

    /** A cell as PHP's fputcsv writes it (quoted when it holds a space, comma, quote, tab or line break). */
    static String fputcsv(String value) {
        return value.matches("(?s).*[ ,\"\\t\\r\\n\\\\].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    @Nested
    class AnEnglishWorksheet {
        static final String ADA = "\"Participant 100001\",\"Ada Lovelace\",ada@uni.example,\"Submitted for grading - "
            + "Graded\",40.00,100.00,Yes,\"Friday, 20 November 2026, 9:58 AM\",\"Friday, 20 November 2026, 10:15 AM\","
            + "\"<p>Well structured; see the \"\"remarks\"\", please.</p>\"\n";
        static final String BLAISE = "\"Participant 100002\",\"Blaise Pascal\",blaise@uni.example,\"Submitted for "
            + "grading\",,100.00,Yes,\"Thursday, 19 November 2026, 11:02 PM\",-,\n";
        static final String KARL = "\"Participant 100008\",\"Karl Weierstrass\",karl@uni.example,\"Submitted for "
            + "grading\",,100.00,Yes,\"Friday, 20 November 2026, 8:00 AM\",-,\n";

        /** The class: graded, graded with zero, a wrong name, only ebm uploaded, no row, grader error, graded. */
        List<SubmissionReport> reports() {
            return List.of(
                graded("Ada Lovelace_100001_assignsubmission_file_", Map.of("dsm", new double[] {25.25, 25.25},
                    "ebm", new double[] {30, 34.5}), Set.of("dsm", "ebm")),
                graded("Blaise Pascal_100002_assignsubmission_file_", points("dsm", 0, 25.25), Set.of("dsm")),
                graded("Karl Gauss_100003_assignsubmission_file_", points("dsm", 20, 25.25), Set.of("dsm")),
                graded("Dorothy Vaughan_100004_assignsubmission_file_", points("dsm", 0, 25.25), Set.of("ebm")),
                graded("Emmy Noether_100005_assignsubmission_file_", points("dsm", 10, 25.25), Set.of("dsm")),
                graderError("Florence Nightingale_100006_assignsubmission_file_"),
                graded("Karl Weierstrass_100008_assignsubmission_file_", points("dsm", 18.75, 25.25), Set.of("dsm")));
        }

        Submissions.Exported exported() {
            return export(dir, Map.of("dsm", "dsm-worksheet-en.csv"), null, reports());
        }

        @Test
        void everyByteOutsideTheGradeAndCommentOfTheGradedRowsIsAsDownloaded() {
            Submissions.Exported out = exported();
            String written = out.text("dsm-worksheet.csv");
            Map<String, Imported> moodle = MoodleUpload.worksheet(out.file("dsm-worksheet.csv"), Labels.ENGLISH);
            String original = new String(fixture("dsm-worksheet-en.csv"), StandardCharsets.UTF_8);
            assertThat(original).contains(ADA, BLAISE, KARL);
            String expected = original
                .replace(ADA, ADA.substring(0, ADA.indexOf(",40.00,")) + ",100.00," + ADA.substring(
                    ADA.indexOf("100.00,Yes"), ADA.indexOf(",\"<p>Well")) + "," + fputcsv(moodle.get("100001").feedback())
                    + "\n")
                .replace(BLAISE, BLAISE.replace(",,100.00,", ",0.00,100.00,").replaceFirst("-,\n$", "-,"
                    + fputcsv(moodle.get("100002").feedback()).replace("$", "\\$") + "\n"))
                .replace(KARL, KARL.replace(",,100.00,", ",74.26,100.00,").replaceFirst("-,\n$", "-,"
                    + fputcsv(moodle.get("100008").feedback()).replace("$", "\\$") + "\n"));
            assertThat(written).isEqualTo(expected);
        }

        @Test
        void moodleReadsAGradeForEachGradedParticipantAndNoneForTheOthers() {
            Map<String, Imported> moodle = MoodleUpload.worksheet(exported().file("dsm-worksheet.csv"), Labels.ENGLISH);
            assertThat(moodle.get("100001").grade()).isEqualTo(100.0);
            assertThat(moodle.get("100002").grade()).isEqualTo(0.0);
            assertThat(moodle.get("100008").grade()).isEqualTo(74.26);
            // the wrong name, only ebm uploaded, the grader error, no submission: as downloaded (empty, "no grade").
            for (String id : List.of("100003", "100004", "100006", "100007")) {
                assertThat(moodle.get(id).gradeCell()).as(id).isEmpty();
                assertThat(moodle.get(id).grade()).as(id).isNull();
            }
        }

        @Test
        void theCommentIsShortKeepsTheTeachersTextAndPointsToTheReport() {
            Submissions.Exported out = exported();
            Map<String, Imported> moodle = MoodleUpload.worksheet(out.file("dsm-worksheet.csv"), Labels.ENGLISH);
            assertThat(moodle.get("100008").feedback()).isEqualTo("<p>scorelab autograder: dsm 18.75 of 25.25 points, so"
                + " 74.26 of 100.00 in this assignment's grade.</p><p>Points lost in Task 1.1 (18.75 of 25.25).</p>"
                + "<p>Each check's message and likely mistake: your feedback file report.html.</p>");
            assertThat(moodle.get("100001").feedback()).startsWith("<p>Well structured; see the \"remarks\", please.</p>"
                + "<p>scorelab autograder: dsm 25.25 of 25.25 points, so 100.00 of 100.00 in this assignment's grade: "
                + "full marks.</p>");
            assertThat(out.summary()).anyMatch(l -> l.contains("1 row(s) already had a comment written in Moodle"));
        }

        @Test
        void aWrongNameNoRowAndAGraderErrorAreListedNotWritten() {
            Submissions.Exported out = exported();
            List<String> unmatched = out.text("unmatched.csv").lines().toList();
            // 3 for dsm, and the grader error for ebm too (Ada's report makes ebm an assignment of the class).
            assertThat(unmatched).hasSize(5).first().isEqualTo("assignment,folder,participant,reason");
            assertThat(unmatched).anyMatch(l -> l.startsWith("dsm,Karl Gauss_100003_assignsubmission_file_,100003,")
                && l.contains("the worksheet's row for participant 100003 is \"\"Carl Gauss\"\", not \"\"Karl Gauss\"\""));
            assertThat(unmatched).anyMatch(l -> l.startsWith("dsm,Emmy Noether_100005_assignsubmission_file_,100005,")
                && l.contains("participant 100005 has no row in the worksheet"));
            for (String a : List.of("dsm", "ebm")) {
                assertThat(unmatched).anyMatch(l -> l.startsWith(a + ",Florence Nightingale_100006_assignsubmission_file_,,")
                    && l.contains("the grader failed on this submission"));
            }
            assertThat(out.summary()).anyMatch(l -> l.contains("Karl Gauss_100003_assignsubmission_file_: the worksheet's"))
                .anyMatch(l -> l.contains("3 of its 7 rows filled"));
        }

        @Test
        void theFeedbackZipHasAReportInEachWrittenRowsDownloadFolderAndMoodleFilesItThere() {
            byte[] zip = exported().file("dsm-feedback.zip");
            Map<String, String> entries = MoodleUpload.entries(zip);
            assertThat(entries.keySet()).containsExactly("Ada Lovelace_100001_assignsubmission_file_/report.html",
                "Blaise Pascal_100002_assignsubmission_file_/report.html",
                "Karl Weierstrass_100008_assignsubmission_file_/report.html");
            assertThat(MoodleUpload.feedbackZip(zip, Set.of("100001", "100002", "100003", "100008"))).containsExactly(
                Map.entry("Ada Lovelace_100001_assignsubmission_file_/report.html", "100001"),
                Map.entry("Blaise Pascal_100002_assignsubmission_file_/report.html", "100002"),
                Map.entry("Karl Weierstrass_100008_assignsubmission_file_/report.html", "100008"));
            String ada = entries.get("Ada Lovelace_100001_assignsubmission_file_/report.html");
            assertThat(ada).contains("<td>dsm</td>").doesNotContain("<td>ebm</td>").contains("25.25 / 25.25");
        }
    }

    @Nested
    class AGermanWorksheet {
        static final String ADA = "Teilnehmer/in200001,\"Ada Lovelace\",ada@uni.example,\"Zur Bewertung abgegeben\",,"
            + "\"100,00\",Ja,\"Freitag, 20. November 2026, 09:58\",-,\r\n";
        static final String BLAISE = "Teilnehmer/in200002,\"Blaise Pascal\",blaise@uni.example,\"Zur Bewertung "
            + "abgegeben - Bewertet\",\"12,50\",\"100,00\",Ja,\"Donnerstag, 19. November 2026, 23:02\",\"Freitag, 20. "
            + "November 2026, 10:15\",\"<p>Siehe \"\"Aufgabe 2\"\", bitte.</p>\"\r\n";

        Submissions.Exported exported() {
            return export(dir, Map.of("ebm", "ebm-worksheet-de.csv"), null, List.of(
                graded("Ada Lovelace_200001_assignsubmission_file_", points("ebm", 34.5, 34.5), Set.of("ebm")),
                graded("Blaise Pascal_200002_assignsubmission_file_", points("ebm", 17.25, 34.5), Set.of("ebm")),
                graded("Dorothy Vaughan_200004_assignsubmission_file_", points("ebm", 0, 34.5), Set.of("dsm"))));
        }

        @Test
        void theBomTheLineEndsAndEveryOtherCellComeBackAndGradesHaveADecimalComma() {
            Submissions.Exported out = exported();
            byte[] written = out.file("ebm-worksheet.csv");
            Map<String, Imported> moodle = MoodleUpload.worksheet(written, Labels.GERMAN);
            String original = new String(fixture("ebm-worksheet-de.csv"), StandardCharsets.UTF_8);
            assertThat(original).startsWith("\uFEFF").contains(ADA, BLAISE);
            String expected = original
                .replace(ADA, ADA.replace(",,\"100,00\",", ",\"100,00\",\"100,00\",").replace("-,\r\n", "-,"
                    + fputcsv(moodle.get("200001").feedback()) + "\r\n"))
                .replace(BLAISE, BLAISE.substring(0, BLAISE.indexOf("\"12,50\"")) + "\"50,00\"" + BLAISE.substring(
                    BLAISE.indexOf(",\"100,00\""), BLAISE.indexOf(",\"<p>Siehe")) + "," + fputcsv(moodle.get("200002")
                    .feedback()) + "\r\n");
            assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(expected);
        }

        @Test
        void moodleReadsTheGermanGradesAndTheUntouchedCellsAsDownloaded() {
            Map<String, Imported> moodle = MoodleUpload.worksheet(exported().file("ebm-worksheet.csv"), Labels.GERMAN);
            assertThat(moodle.get("200001").gradeCell()).isEqualTo("100,00");
            assertThat(moodle.get("200001").grade()).isEqualTo(100.0);
            assertThat(moodle.get("200002").grade()).isEqualTo(50.0);
            assertThat(moodle.get("200004").grade()).isNull();
            assertThat(moodle.get("200009").grade()).isNull();
            assertThat(moodle.get("200009").feedback()).isEqualTo("Kommentar, mit Komma\nund Zeilenumbruch");
            assertThat(moodle.get("200001").modified()).isEqualTo("-");
            assertThat(moodle.get("200002").modified()).isEqualTo("Freitag, 20. November 2026, 10:15");
        }

        @Test
        void aGermanDateInAWrittenRowIsFlaggedForIgnoreModified() {
            assertThat(exported().summary()).anyMatch(l -> l.contains("1 row(s) were graded in Moodle before")
                && l.contains("\"Allow updating records that have been modified more recently in Moodle than in the "
                + "spreadsheet\""));
        }
    }

    @Nested
    class DecimalStyle {
        static final String SHEET = "Identifier,\"Full name\",Grade,\"Maximum Grade\",\"Last modified (grade)\","
            + "\"Feedback comments\"\n\"Participant 7\",\"Eve Adams\",,\"20,00\",-,\n";

        @Test
        void aCommaInAnEnglishSheetWouldBeReadAsItsWholeNumberSoItIsWrittenOnlyWhereTheSheetUsesOne() {
            assertThat(MoodleUpload.unformatFloat("85,5", '.')).isEqualTo(85.0);
            assertThat(MoodleUpload.unformatFloat("85,5", ',')).isEqualTo(85.5);
            Worksheet sheet = Worksheet.parse("sheet", SHEET.getBytes(StandardCharsets.UTF_8));
            assertThat(sheet.decimal).isEqualTo(',');
            var filled = WorksheetFill.fill(sheet, "dsm", List.of(AssignmentResult.of(graded(
                "Eve Adams_7_assignsubmission_file_", points("dsm", 5, 8), Set.of("dsm")), "dsm")));
            assertThat(new String(filled.csv(), StandardCharsets.UTF_8)).contains("\"Participant 7\",\"Eve Adams\","
                + "\"12,50\",\"20,00\",-,");
        }
    }

    @Nested
    class BlindMarking {
        @Test
        void participantFoldersAreGradedAndMatchedByTheirIdWithoutAName() {
            Submissions.Exported out = export(dir, Map.of("dsm", "dsm-worksheet-blind.csv"), null, List.of(
                graded("Participant_300001_assignsubmission_file", points("dsm", 25.25, 25.25), Set.of("dsm")),
                graded("Participant_300002_assignsubmission_file_", points("dsm", 12.625, 25.25), Set.of("dsm"))));
            Map<String, Imported> moodle = MoodleUpload.worksheet(out.file("dsm-worksheet.csv"), Labels.ENGLISH);
            assertThat(moodle.get("300001").grade()).isEqualTo(10.0);
            assertThat(moodle.get("300002").grade()).isEqualTo(5.0);
            assertThat(moodle.get("300003").grade()).isNull();
            byte[] zip = out.file("dsm-feedback.zip");
            assertThat(MoodleUpload.feedbackZip(zip, Set.of("300001", "300002", "300003"))).containsExactly(
                Map.entry("Participant_300001_assignsubmission_file/report.html", "300001"),
                Map.entry("Participant_300002_assignsubmission_file_/report.html", "300002"));
        }
    }

    @Nested
    class GroupSubmissions {
        @Test
        void aGroupsFolderGradesEveryMemberAndAMembersFolderThatMember() {
            // From Moodle 4.1 a group's folder carries the group's id: here 400004, also Dorothy's participant id.
            Submissions.Exported out = export(dir, Map.of("dsm", "dsm-worksheet-team.csv"), null, List.of(
                graded("Team Turing_400004_assignsubmission_file", points("dsm", 20.25, 25.25), Set.of("dsm")),
                graded("Team Gauss-Carl Gauss_400003_assignsubmission_file_", points("dsm", 25.25, 25.25), Set.of("dsm"))));
            Map<String, Imported> moodle = MoodleUpload.worksheet(out.file("dsm-worksheet.csv"), Labels.ENGLISH);
            assertThat(moodle.get("400001").grade()).isEqualTo(20.25);
            assertThat(moodle.get("400002").grade()).isEqualTo(20.25);
            assertThat(moodle.get("400003").grade()).isEqualTo(25.25);
            assertThat(moodle.get("400004").grade()).as("Dorothy, whose participant id is the group's id").isNull();
            byte[] zip = out.file("dsm-feedback.zip");
            assertThat(MoodleUpload.feedbackZip(zip, Set.of("400001", "400002", "400003", "400004"))).containsExactly(
                Map.entry("Ada Lovelace_400001_assignsubmission_file_/report.html", "400001"),
                Map.entry("Alan Turing_400002_assignsubmission_file_/report.html", "400002"),
                Map.entry("Team Gauss-Carl Gauss_400003_assignsubmission_file_/report.html", "400003"));
            assertThat(out.text("unmatched.csv").lines()).containsExactly("assignment,folder,participant,reason");
        }
    }

    @Nested
    class OneRowOneSubmission {
        @Test
        void twoSubmissionsForOneParticipantWriteNeither() {
            Submissions.Exported out = export(dir, Map.of("dsm", "dsm-worksheet-en.csv"), null, List.of(
                graded("Blaise Pascal_100002_assignsubmission_file_", points("dsm", 5, 25.25), Set.of("dsm")),
                graded("Blaise Pascal_100002_assignsubmission_file_pascal.zip", points("dsm", 7, 25.25), Set.of("dsm"))));
            assertThat(out.file("dsm-worksheet.csv")).isEqualTo(fixture("dsm-worksheet-en.csv"));
            assertThat(out.text("unmatched.csv").lines()).hasSize(3)
                .allMatch(l -> l.startsWith("assignment") || l.contains("is the target of 2 submissions"));
            assertThat(MoodleUpload.entries(out.file("dsm-feedback.zip"))).isEmpty();
        }
    }

    @Nested
    class GraderBugs {
        @Test
        void pointsAboveTheMaximumAreReportedAndNotWrittenNorClamped() {
            Submissions.Exported out = export(dir, Map.of("dsm", "dsm-worksheet-en.csv"), null, List.of(
                graded("Blaise Pascal_100002_assignsubmission_file_", points("dsm", 26, 25.25), Set.of("dsm"))));
            assertThat(out.file("dsm-worksheet.csv")).isEqualTo(fixture("dsm-worksheet-en.csv"));
            assertThat(out.text("unmatched.csv")).contains("the grader gave 26.0 of 25.25 points, outside 0 to the "
                + "maximum: a bug in the grader or the rubric, to report; no grade was written, and none was clamped");
        }
    }

    @Nested
    class WithoutADownloadedWorksheet {
        List<SubmissionReport> reports() {
            return List.of(
                graded("Ada Lovelace_100001_assignsubmission_file_", Map.of("dsm", new double[] {25.25, 25.25},
                    "ebm", new double[] {30, 34.5}), Set.of("dsm", "ebm")),
                graded("Emmy Noether_100005_assignsubmission_file_", Map.of("dsm", new double[] {0, 25.25},
                    "ebm", new double[] {16.5, 34.5}), Set.of("ebm")),
                graded("Eve Empty_7_assignsubmission_file_.zip", Map.of("dsm", new double[] {0, 25.25},
                    "ebm", new double[] {0, 34.5}), Set.of()),
                graded("Participant_300002_assignsubmission_file_", Map.of("dsm", new double[] {12.625, 25.25},
                    "ebm", new double[] {0, 34.5}), Set.of("dsm")),
                graderError("Florence Nightingale_100006_assignsubmission_file_"));
        }

        @Test
        void aWorksheetIsWrittenInEnglishFromTheFolderNamesWithNoRowForWhatWasNotSubmitted() {
            Submissions.Exported out = export(dir, Map.of(), null, reports());
            assertThat(out.text("dsm-worksheet.csv").lines().toList()).hasSize(3).first().isEqualTo(
                "Identifier,\"Full name\",Grade,\"Maximum Grade\",\"Last modified (grade)\",\"Feedback comments\"");
            assertThat(out.text("dsm-worksheet.csv")).contains("\n\"Participant 100001\",\"Ada Lovelace\",25.25,25.25,-,")
                .contains("\n\"Participant 300002\",Participant,12.63,25.25,-,");
            Map<String, Imported> dsm = MoodleUpload.worksheet(out.file("dsm-worksheet.csv"), Labels.ENGLISH);
            assertThat(dsm.keySet()).containsExactly("100001", "300002");
            Map<String, Imported> ebm = MoodleUpload.worksheet(out.file("ebm-worksheet.csv"), Labels.ENGLISH);
            assertThat(ebm.keySet()).containsExactly("100001", "100005");
            assertThat(ebm.get("100005").grade()).isEqualTo(16.5);
            assertThat(out.summary()).anyMatch(l -> l.startsWith("  dsm: dsm-worksheet.csv was written from the folder "
                + "names") && l.contains("The worksheet downloaded from the assignment is the safer route"));
            assertThat(MoodleUpload.entries(out.file("ebm-feedback.zip")).keySet()).containsExactly(
                "Ada Lovelace_100001_assignsubmission_file_/report.html",
                "Emmy Noether_100005_assignsubmission_file_/report.html");
        }

        @Test
        void anEmptyUploadOrOneWithOnlyTheOtherAssignmentsFilesGetsNoGradeThereNeverAZero() {
            Submissions.Exported out = export(dir, Map.of(), null, reports());
            assertThat(out.text("dsm-worksheet.csv")).doesNotContain("Participant 7").doesNotContain("100005");
            assertThat(out.text("ebm-worksheet.csv")).doesNotContain("Participant 7").doesNotContain("300002");
            assertThat(out.text("unmatched.csv").lines()).hasSize(3).allMatch(l -> l.startsWith("assignment")
                || l.contains("Florence Nightingale") && l.contains("the grader failed"));
        }
    }
}
