package org.scorelab.grading.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scorelab.grading.moodle.Submissions.export;
import static org.scorelab.grading.moodle.Submissions.graded;
import static org.scorelab.grading.moodle.Submissions.points;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.report.SubmissionReport;

/** The gradebook CSV is written only where Moodle's gradebook import cannot grade the wrong person or erase a grade. */
class MoodleGradebookTests {
    @TempDir
    Path dir;

    static List<SubmissionReport> reports() {
        return List.of(
            graded("Ada Lovelace_100001_assignsubmission_file_", Map.of("dsm", new double[] {25.25, 25.25},
                "ebm", new double[] {0, 34.5}), Set.of("dsm")),
            graded("Blaise Pascal_100002_assignsubmission_file_", Map.of("dsm", new double[] {5, 25.25},
                "ebm", new double[] {10, 34.5}), Set.of("dsm", "ebm")));
    }

    Path roster(String text) throws Exception {
        return Files.writeString(dir.resolve("roster.csv"), text);
    }

    @Test
    void withoutARosterThereIsNoGradebookAndTheMessageNamesTheWorksheet() {
        Submissions.Exported out = export(dir, Map.of(), null, reports());
        assertThat(out.moodle().resolve("gradebook-dsm.csv")).doesNotExist();
        assertThat(out.summary()).anyMatch(l -> l.contains("no gradebook CSV for dsm: no --roster")
            && l.contains("use the worksheet (dsm-worksheet.csv, \"Upload grading worksheet\" in the assignment)"));
    }

    @Test
    void aRosterMissingOneGradedStudentIsRefusedWithTheirName() throws Exception {
        Submissions.Exported out = export(dir, Map.of(), roster("id,email\n100001,ada@uni.example\n"), reports());
        assertThat(out.moodle().resolve("gradebook-dsm.csv")).doesNotExist();
        assertThat(out.summary()).anyMatch(l -> l.contains("no gradebook CSV for dsm: the roster gives no one user field "
            + "for every graded student (neither an email nor an ID number for 1 of them: Blaise Pascal)")
            && l.contains("use the worksheet"));
    }

    @Test
    void aCompleteRosterGivesOneFilePerAssignmentByEmailWithItsFeedbackColumnAndNoParticipantId() throws Exception {
        Submissions.Exported out = export(dir, Map.of(), roster("name,email\nAda Lovelace,ada@uni.example\n"
            + "Blaise Pascal,blaise@uni.example\n"), reports());
        List<String> dsm = out.text("gradebook-dsm.csv").lines().toList();
        assertThat(dsm).hasSize(3).first().isEqualTo("Email address,Full name,dsm,dsm feedback");
        assertThat(dsm.get(1)).startsWith("ada@uni.example,Ada Lovelace,25.25,scorelab autograder: dsm 25.25 of 25.25 "
            + "points: full marks. Each check's message");
        assertThat(dsm.get(2)).startsWith("blaise@uni.example,Blaise Pascal,5.00,");
        // Ada uploaded no ebm file: no row, since an empty grade cell would erase a grade already in Moodle.
        assertThat(out.text("gradebook-ebm.csv").lines()).hasSize(2).last().asString()
            .startsWith("blaise@uni.example,Blaise Pascal,10.00,");
        assertThat(out.text("gradebook-dsm.csv") + out.text("gradebook-ebm.csv")).doesNotContain("10000");
    }

    @Test
    void idNumbersServeWhenSomeoneHasNoEmailAndAnOldParticipantIdGradebookIsRemoved() throws Exception {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/gradebook.csv"), "Identifier,Full name,dsm,Feedback\n100001,Ada,1,\n");
        Submissions.Exported out = export(dir, Map.of(), roster("id,email,idnumber\n100001,,s1\n100002,b@x,s2\n"),
            reports());
        assertThat(out.text("gradebook-dsm.csv").lines()).first().isEqualTo("ID number,Full name,dsm,dsm feedback");
        assertThat(dir.resolve("out/gradebook.csv")).doesNotExist();
        assertThat(out.summary()).anyMatch(l -> l.startsWith("  Removed ") && l.contains("participant ids"));
    }
}
