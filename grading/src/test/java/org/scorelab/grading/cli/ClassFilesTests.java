package org.scorelab.grading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.Uploads;

/**
 * The class's files (summary.csv, index.html, Moodle's worksheet, feedback zip and gradebook) through the command
 * line, graded with Task 1.1's public checks: no submission is never a zero, and a regrade of some students rebuilds
 * them all from every report without grading the others.
 */
class ClassFilesTests {
    private static final List<String> FAST = List.of("--public-only", "--only", "dsm\\.MixtureSamplingTests");
    private static final String HEADER = "Identifier,\"Full name\",\"Email address\",Status,Grade,\"Maximum Grade\","
        + "\"Grade can be changed\",\"Last modified (submission)\",\"Last modified (grade)\",\"Feedback comments\"\n";

    @TempDir
    Path dir;

    private static int run(List<String> head) {
        return Main.run(Stream.concat(head.stream(), FAST.stream()).toArray(String[]::new));
    }

    private static List<String> statuses(Path index) throws Exception {
        Document page = Jsoup.parse(index.toFile());
        return page.select("#students-table tbody tr").stream()
            .map(r -> r.child(0).text() + ": " + r.child(2).text()).toList();
    }

    @Test
    void noSubmissionGetsNoGradeInTheSummaryTheIndexOrAnyMoodleFile() throws Exception {
        Path classFolder = Files.createDirectories(dir.resolve("class"));
        Path ada = Uploads.example("Ada Lovelace");
        Uploads.copy(ada, classFolder.resolve(ada.getFileName()));
        Files.write(classFolder.resolve("Eve Empty_7_assignsubmission_file_.zip"), Uploads.zip(Map.of()));
        Uploads.folder(classFolder, "Olga Other_8_assignsubmission_file_", Map.of("notes.txt", "my answers are on paper"));
        String rows = "\"Participant 100001\",\"Ada Lovelace\",ada@uni.example,Submitted,,100.00,Yes,-,-,\n"
            + "\"Participant 7\",\"Eve Empty\",eve@uni.example,Submitted,,100.00,Yes,-,-,\n"
            + "\"Participant 8\",\"Olga Other\",olga@uni.example,Submitted,,100.00,Yes,-,-,\n"
            + "\"Participant 9\",\"Hedy Lamarr\",hedy@uni.example,\"No submission\",,100.00,Yes,-,-,\n";
        Path sheet = Files.writeString(dir.resolve("dsm-downloaded.csv"), HEADER + rows);
        Path roster = Files.writeString(dir.resolve("roster.csv"), "id,name,email\n100001,Ada Lovelace,ada@uni.example\n"
            + "7,Eve Empty,eve@uni.example\n8,Olga Other,olga@uni.example\n9,Hedy Lamarr,hedy@uni.example\n"
            + ",Ivan Idle,ivan@uni.example\n");
        Path out = dir.resolve("out");
        assertThat(run(List.of("class", classFolder.toString(), "--out", out.toString(), "--worksheet", "dsm=" + sheet,
            "--roster", roster.toString()))).isZero();

        assertThat(Files.readAllLines(out.resolve("summary.csv"))).containsExactly(
            "task,mean points,max points,students who lost points,students,no submission", "dsm 1.1,2.00,2.00,0,1,4");
        assertThat(statuses(out.resolve("index.html"))).containsExactly("Ada Lovelace: graded",
            "Eve Empty: no submission no task file in the upload", "Hedy Lamarr: no submission nothing uploaded",
            "Ivan Idle: no submission nothing uploaded", "Olga Other: no submission no task file in the upload");
        List<String> worksheet = Files.readAllLines(out.resolve("moodle/dsm-worksheet.csv"));
        assertThat(worksheet.get(1)).contains(",100.00,100.00,");
        assertThat(worksheet.subList(2, 5)).as("rows left as downloaded: an empty grade is no grade")
            .containsExactlyElementsOf(rows.lines().skip(1).toList());
        assertThat(Files.readAllLines(out.resolve("moodle/gradebook-dsm.csv"))).hasSize(2).element(1).asString()
            .startsWith("ada@uni.example,Ada Lovelace,2.00,");
        try (var zip = new java.util.zip.ZipFile(out.resolve("moodle/dsm-feedback.zip").toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
                .containsExactly("Ada Lovelace_100001_assignsubmission_file_/report.html");
        }
        assertThat(out.resolve("not-graded.csv")).content().isEqualTo("student,identifier,upload,why\r\n");
    }

    @Test
    void aRegradeOfSomeStudentsRebuildsTheClassFilesFromEveryReportWithoutGradingTheOthers() throws Exception {
        Path classFolder = Files.createDirectories(dir.resolve("class"));
        for (String name : List.of("Ada Lovelace", "Carl Gauss", "Florence Nightingale")) {
            Uploads.copy(Uploads.example(name), classFolder.resolve(Uploads.example(name).getFileName()));
        }
        Path sheet = dir.resolve("dsm-downloaded.csv");
        try (var in = getClass().getResourceAsStream("/moodle/example-dsm-worksheet.csv")) {
            Files.write(sheet, in.readAllBytes());
        }
        Path roster = Files.writeString(dir.resolve("roster.csv"), "id,email\n100001,ada@uni.example\n"
            + "100003,carl@uni.example\n100006,florence@uni.example\n");
        Path out = dir.resolve("out");
        assertThat(run(List.of("class", classFolder.toString(), "--out", out.toString(), "--worksheet", "dsm=" + sheet,
            "--roster", roster.toString()))).isZero();
        Map<String, Path> reports = Map.of("Ada", out.resolve("Ada_Lovelace_100001/report.json"),
            "Carl", out.resolve("Carl_Gauss_100003/report.json"),
            "Florence", out.resolve("Florence_Nightingale_100006/report.json"));
        for (Path r : reports.values()) {
            Files.setLastModifiedTime(r, FileTime.fromMillis(0));
        }
        for (String f : List.of("summary.csv", "index.html", "points-per-task.png", "moodle/dsm-worksheet.csv",
            "moodle/gradebook-dsm.csv", "moodle/dsm-feedback.zip")) {
            Files.delete(out.resolve(f));
        }

        // Ada and Florence regraded, by id and by name, without the worksheet and roster given again.
        assertThat(run(List.of("class", classFolder.toString(), "--out", out.toString(), "--regrade",
            "--student", "100001", "--student", "Florence Nightingale"))).isZero();
        assertThat(Files.getLastModifiedTime(reports.get("Ada")).toMillis()).isPositive();
        assertThat(Files.getLastModifiedTime(reports.get("Florence")).toMillis()).isPositive();
        assertThat(Files.getLastModifiedTime(reports.get("Carl")).toMillis()).as("Carl is not graded again").isZero();
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).as("all three, and the worksheet's four without"
            + " an upload").containsExactly("task,mean points,max points,students who lost points,students,"
            + "no submission", "dsm 1.1,1.83,2.00,1,3,4");
        assertThat(statuses(out.resolve("index.html"))).hasSize(7).contains("Carl Gauss: graded",
            "Hedy Lamarr: no submission nothing uploaded");
        assertThat(out.resolve("points-per-task.png")).isRegularFile();
        List<String> worksheet = Files.readAllLines(out.resolve("moodle/dsm-worksheet.csv"));
        assertThat(worksheet).as("the downloaded worksheet, kept from the first run").hasSize(8);
        assertThat(worksheet.get(3)).startsWith("\"Participant 100003\",\"Carl Gauss\"").contains(",100.00,100.00,");
        assertThat(worksheet.get(6)).startsWith("\"Participant 100006\",\"Florence Nightingale\"")
            .contains(",75.00,100.00,");
        assertThat(Files.readAllLines(out.resolve("moodle/gradebook-dsm.csv"))).hasSize(4);
        assertThat(out.resolve("moodle/dsm-feedback.zip")).isRegularFile();
        assertThat(Files.readAllLines(out.resolve("regrade.csv"))).as("nothing changed").hasSize(1);
    }
}
