package org.scorelab.grading.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.intake.Student;

/** The students of the worksheets and the roster with no upload: "no submission" in the class's files. */
class ParticipantsTests {
    @TempDir
    Path dir;

    private static List<Student> uploads(String... folders) {
        return Stream.of(folders).map(Student::fromFolderName).toList();
    }

    private static List<String> names(List<Student> students) {
        return students.stream().map(s -> s.name() + " " + s.id() + (s.folder() == null ? "" : " " + s.folder())).toList();
    }

    private MoodleExport export(Map<String, String> fixtures, String roster) throws Exception {
        Map<String, Path> sheets = new java.util.TreeMap<>();
        for (var e : fixtures.entrySet()) {
            sheets.put(e.getKey(), Files.write(dir.resolve(e.getValue()), Submissions.fixture(e.getValue())));
        }
        return MoodleExport.prepare(sheets, roster == null ? null : Files.writeString(dir.resolve("roster.csv"), roster));
    }

    @Test
    void aRowHasAnUploadByItsIdAndNameOrByItsNameInTheOtherAssignmentsDownload() throws Exception {
        MoodleExport moodle = export(Map.of("dsm", "example-dsm-worksheet.csv"),
            "id,name,email\n,Ivan Idle,ivan@uni.example\n100001,Ada Lovelace,ada@uni.example\n,Hedy Lamarr,h@uni.example\n");
        // Blaise's folder is from the ebm download (another participant id); "Grace Other" carries Carl's dsm id, so
        // it is not Carl's (participant ids belong to one assignment).
        List<Student> absent = moodle.withoutUpload(uploads("Ada Lovelace_100001_assignsubmission_file_",
            "Blaise Pascal_200002_assignsubmission_file_", "Grace Other_100003_assignsubmission_file_.zip",
            "Dorothy Vaughan_100004_assignsubmission_file_", "Emmy Noether_100005_assignsubmission_file_",
            "Florence Nightingale_100006_assignsubmission_file_"));
        assertThat(names(absent)).as("each once, with no folder").containsExactly("Carl Gauss 100003",
            "Hedy Lamarr 100009", "Ivan Idle ");
    }

    @Test
    void aBlindWorksheetsRowIsFoundByItsIdAlone() throws Exception {
        List<Student> absent = export(Map.of("dsm", "dsm-worksheet-blind.csv"), null)
            .withoutUpload(uploads("Participant_300001_assignsubmission_file_", "Participant_300002_assignsubmission_file_"));
        assertThat(names(absent)).containsExactly("Participant 300003 300003");
    }

    @Test
    void aGroupMembersRowHasAnUploadInTheGroupsFolder() throws Exception {
        List<Student> absent = export(Map.of("dsm", "dsm-worksheet-team.csv"), null)
            .withoutUpload(uploads("Team Turing_42_assignsubmission_file", "Team-Carl Gauss_400003_assignsubmission_file_"));
        assertThat(names(absent)).containsExactly("Dorothy Vaughan 400004");
    }
}
