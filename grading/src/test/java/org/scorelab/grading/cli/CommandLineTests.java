package org.scorelab.grading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.Uploads;

/**
 * The command line on the bundled example class, with a small fast suite (Task 1.1's public checks): the class in one
 * command, a resumed batch, a shard, and Gradescope's container layout.
 */
class CommandLineTests {
    private static final String[] FAST = {"--public-only", "--only", "dsm\\.MixtureSamplingTests"};

    @TempDir
    Path dir;

    private static String[] args(List<String> head) {
        return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(FAST)).toArray(String[]::new);
    }

    @Test
    void aClassIsGradedIntoReportsASummaryAndMoodleFilesAndAResumedBatchSkipsWhatWasGraded() throws Exception {
        Path out = dir.resolve("out");
        Path sheet = dir.resolve("dsm-downloaded.csv");
        try (var in = getClass().getResourceAsStream("/moodle/example-dsm-worksheet.csv")) {
            Files.write(sheet, in.readAllBytes());
        }
        int code = Main.run(args(List.of("class", Uploads.exampleClass().toString(), "--out", out.toString(), "--workers",
            "2", "--worksheet", "dsm=" + sheet)));
        assertThat(code).isZero();
        // Task 1.1's checks only: 2 points, scaled to the worksheet's maximum grade of 100.
        List<String> worksheet = Files.readAllLines(out.resolve("moodle/dsm-worksheet.csv"));
        List<String> downloaded = Files.readAllLines(sheet);
        assertThat(worksheet).hasSize(8).first().isEqualTo(downloaded.get(0));
        assertThat(worksheet.get(1)).startsWith("\"Participant 100001\",\"Ada Lovelace\",ada@uni.example,\"Submitted for "
            + "grading\",100.00,100.00,Yes,").contains("dsm 2.00 of 2.00 points, so 100.00 of 100.00");
        assertThat(worksheet.get(2)).contains(",0.00,100.00,");
        assertThat(worksheet.get(6)).contains(",75.00,100.00,").contains("Points lost in Task 1.1 (1.50 of 2.00)");
        assertThat(worksheet.get(5)).as("Emmy uploaded no dsm file").isEqualTo(downloaded.get(5));
        assertThat(worksheet.get(7)).as("Hedy has no submission").isEqualTo(downloaded.get(7));
        assertThat(zipEntries(out.resolve("moodle/dsm-feedback.zip"))).hasSize(5)
            .contains("Ada Lovelace_100001_assignsubmission_file_/report.html")
            .doesNotContain("Emmy Noether_100005_assignsubmission_file_/report.html");
        assertThat(Files.readAllLines(out.resolve("moodle/unmatched.csv"))).hasSize(1);
        assertThat(out.resolve("gradebook.csv")).doesNotExist();
        // Emmy uploaded no dsm file and Hedy nothing: no submission, not zeros in the mean.
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).contains("dsm 1.1,1.50,2.00,2,5,2");
        assertThat(out.resolve("index.html")).content().contains("Hedy Lamarr").contains("nothing uploaded");
        Path ada = out.resolve("Ada_Lovelace_100001");
        assertThat(ada.resolve("report.html")).exists();
        assertThat(ada.resolve("results.json")).exists();

        // A second run resumes: it grades nothing again, and rebuilds the Moodle files from the reports, filling the
        // worksheet the first run was given (kept in moodle/inputs/), though this run names none.
        Files.setLastModifiedTime(ada.resolve("report.json"), FileTime.fromMillis(0));
        Files.delete(out.resolve("Blaise_Pascal_100002/report.json"));
        assertThat(Main.run(args(List.of("class", Uploads.exampleClass().toString(), "--out", out.toString())))).isZero();
        assertThat(Files.getLastModifiedTime(ada.resolve("report.json")).toMillis()).isZero();
        assertThat(out.resolve("Blaise_Pascal_100002/report.json")).exists();
        assertThat(Files.readAllLines(out.resolve("moodle/dsm-worksheet.csv"))).hasSize(8)
            .element(2).asString().contains(",0.00,100.00,").contains("Points lost in Task 1.1 (0.00 of 2.00)");

        // Without the kept worksheet, one is written from the folder names: a row per dsm submission.
        Files.delete(out.resolve("moodle/inputs/dsm-worksheet.csv"));
        assertThat(Main.run(args(List.of("class", Uploads.exampleClass().toString(), "--out", out.toString())))).isZero();
        assertThat(Files.readAllLines(out.resolve("moodle/dsm-worksheet.csv"))).hasSize(6)
            .contains("\"Participant 100002\",\"Blaise Pascal\",0.00,2.00,-,\"<p>scorelab autograder: dsm 0.00 of 2.00 "
                + "points.</p><p>Points lost in Task 1.1 (0.00 of 2.00).</p><p>Each check's message and likely mistake: "
                + "your feedback file report.html.</p>\"");
    }

    private static List<String> zipEntries(Path zip) throws Exception {
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }

    @Test
    void aBatchWithAnotherPlanGradesAgainInsteadOfResuming() throws Exception {
        Path out = dir.resolve("plans");
        String[] publicOnly = args(List.of("class", Uploads.exampleClass().toString(), "--out", out.toString(), "--shard", "1/3"));
        assertThat(Main.run(publicOnly)).isZero();
        Path report = out.resolve("Ada_Lovelace_100001/report.json");
        String plan = new ObjectMapper().readTree(report.toFile()).path("reproducibility").path("plan").asText();
        assertThat(plan).startsWith("public");
        Files.setLastModifiedTime(report, FileTime.fromMillis(0));

        // The same command resumes; the same suites with another limit are another plan: graded again.
        assertThat(Main.run(publicOnly)).isZero();
        assertThat(Files.getLastModifiedTime(report).toMillis()).isZero();
        String[] otherLimits = java.util.stream.Stream.concat(java.util.Arrays.stream(publicOnly),
            java.util.stream.Stream.of("--heap", "1024")).toArray(String[]::new);
        assertThat(Main.run(otherLimits)).isZero();
        assertThat(Files.getLastModifiedTime(report).toMillis()).isPositive();
        assertThat(new ObjectMapper().readTree(report.toFile()).path("reproducibility").path("plan").asText())
            .startsWith("public").isNotEqualTo(plan);
    }

    @Test
    void aRegradeRerunsOnlyTheTestsWhoseInputsChangedAndListsThePointsThatChanged() throws Exception {
        Path classFolder = Files.createDirectories(dir.resolve("class"));
        for (String name : List.of("Ada Lovelace", "Florence Nightingale")) {
            Uploads.copy(Uploads.example(name), classFolder.resolve(Uploads.example(name).getFileName()));
        }
        Path out = dir.resolve("regrade");
        String[] command = {"class", classFolder.toString(), "--out", out.toString(), "--public-only", "--only",
            "(dsm\\.MixtureSamplingTests|ebm\\.LangevinTests)"};
        assertThat(Main.run(command)).isZero();
        JsonNode first = new ObjectMapper().readTree(out.resolve("Florence_Nightingale_100006/report.json").toFile());
        assertThat(first.at("/reproducibility/resultsCache").asText()).startsWith("0 of 10 ");

        // Florence fixes her sampler: her upload changes, so she is graded again; her ebm tests come from the cache.
        Path zip = classFolder.resolve(Uploads.example("Florence Nightingale").getFileName()).resolve("nightingale.zip");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), e.getName().endsWith("GaussianMixture.java")
                    ? Files.readAllBytes(Path.of("../reference/src/main/java/org/scorelab/dsm/GaussianMixture.java"))
                    : in.readAllBytes());
            }
        }
        assertThat(entries.keySet()).anyMatch(n -> n.endsWith("GaussianMixture.java"));
        Files.write(zip, Uploads.zip(entries));
        Path ada = out.resolve("Ada_Lovelace_100001/report.json");
        Files.setLastModifiedTime(ada, FileTime.fromMillis(0));
        assertThat(Main.run(command)).isZero();
        assertThat(Files.getLastModifiedTime(ada).toMillis()).as("Ada's upload did not change").isZero();
        JsonNode fixed = new ObjectMapper().readTree(out.resolve("Florence_Nightingale_100006/report.json").toFile());
        assertThat(fixed.at("/reproducibility/resultsCache").asText()).as("her 5 ebm Langevin tests").startsWith("5 of 10 ");
        assertThat(Files.readAllLines(out.resolve("regrade.csv"))).hasSize(2)
            .element(1).asString().startsWith("Florence Nightingale,100006,dsm,1.1,1.50,2.00,");

        // --regrade with nothing changed: every result from the cache, the same points, nothing listed.
        assertThat(Main.run(java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--regrade"))
            .toArray(String[]::new))).isZero();
        JsonNode again = new ObjectMapper().readTree(ada.toFile());
        assertThat(again.at("/reproducibility/resultsCache").asText()).startsWith("10 of 10 ");
        assertThat(again.get("tasks")).isEqualTo(new ObjectMapper().readTree(out.resolve("Ada_Lovelace_100001/report.json").toFile()).get("tasks"));
        assertThat(Files.readAllLines(out.resolve("regrade.csv"))).hasSize(1);

        // One student regraded inside the class: only her report is written again; the class's files are rebuilt.
        Files.setLastModifiedTime(ada, FileTime.fromMillis(0));
        Path florence = out.resolve("Florence_Nightingale_100006/report.json");
        Files.setLastModifiedTime(florence, FileTime.fromMillis(0));
        Files.delete(out.resolve("summary.csv"));
        assertThat(Main.run(java.util.stream.Stream.concat(java.util.Arrays.stream(command),
            java.util.stream.Stream.of("--regrade", "--student", "100006")).toArray(String[]::new))).isZero();
        assertThat(Files.getLastModifiedTime(florence).toMillis()).isPositive();
        assertThat(Files.getLastModifiedTime(ada).toMillis()).isZero();
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).as("both students").anyMatch(l -> l.endsWith(",2,0"));
        assertThat(Main.run("class", classFolder.toString(), "--out", out.toString(), "--student", "Nobody")).isEqualTo(2);
    }

    @Test
    void aShardGradesEveryNthSubmission() throws Exception {
        Path out = dir.resolve("shard");
        assertThat(Main.run(args(List.of("class", Uploads.exampleClass().toString(), "--out", out.toString(), "--shard", "2/3")))).isZero();
        try (var dirs = Files.list(out)) {
            assertThat(dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted())
                .containsExactly(".results-cache", "Blaise_Pascal_100002", "Emmy_Noether_100005", "moodle");
        }
        assertThat(Main.run("class", Uploads.exampleClass().toString(), "--shard", "4/3")).isEqualTo(2);
    }

    @Test
    void gradescopeModeReadsTheSubmissionAndWritesResultsJson() throws Exception {
        Path root = dir.resolve("autograder");
        Uploads.copy(Uploads.example("Florence Nightingale"), root.resolve("submission"));
        Files.writeString(root.resolve("submission_metadata.json"),
            "{\"users\": [{\"email\": \"fn@uni.example\", \"name\": \"Florence Nightingale\"}]}");
        assertThat(Main.run(args(List.of("gradescope", "--root", root.toString())))).isZero();
        JsonNode results = new ObjectMapper().readTree(root.resolve("results/results.json").toFile());
        assertThat(results.get("score").asDouble()).isEqualTo(1.5);
        assertThat(results.get("tests")).hasSize(5);
        JsonNode report = new ObjectMapper().readTree(root.resolve("results/report.json").toFile());
        assertThat(report.at("/student/id").asText()).isEqualTo("fn@uni.example");
        assertThat(Map.of("html", Files.exists(root.resolve("results/report.html")))).containsEntry("html", true);
    }

    @Test
    void badUploadsGetAClearReportAndLeaveTheRestOfTheBatchAlone() throws Exception {
        Path classFolder = Files.createDirectories(dir.resolve("class"));
        Path ada = Uploads.example("Ada Lovelace");
        Uploads.copy(ada, classFolder.resolve(ada.getFileName()));
        Files.write(classFolder.resolve("Eve Empty_7_assignsubmission_file_.zip"), Uploads.zip(Map.of()));
        Files.writeString(classFolder.resolve("Mallory Garbage_8_assignsubmission_file_.zip"), "not a zip at all");
        Files.write(classFolder.resolve("Trudy Traversal_9_assignsubmission_file_.zip"), Uploads.zip(Map.of(
            "../../../tmp/GaussianMixture.java", Uploads.utf8(Uploads.TEMPLATE.source(Uploads.MIXTURE)))));
        Path out = dir.resolve("out");
        assertThat(Main.run(args(List.of("class", classFolder.toString(), "--out", out.toString())))).isZero();
        // Only Ada uploaded a dsm file: the empty zip, the file that is no zip and the escaping entry give no row, so
        // no zero reaches Moodle.
        List<String> worksheet = Files.readAllLines(out.resolve("moodle/dsm-worksheet.csv"));
        assertThat(worksheet).hasSize(2);
        assertThat(worksheet.get(1)).startsWith("\"Participant 100001\",\"Ada Lovelace\",2.00,2.00,-,");
        JsonNode eve = new ObjectMapper().readTree(out.resolve("Eve_Empty_7/report.json").toFile());
        assertThat(eve.get("uploadNotes").toString()).contains("is empty or not a zip file").contains("No .java file");
        JsonNode trudy = new ObjectMapper().readTree(out.resolve("Trudy_Traversal_9/report.json").toFile());
        assertThat(trudy.get("uploadNotes").toString()).contains("its path leaves the zip");
    }

    @Test
    void aMissingSubmissionIsAUsageError() {
        assertThat(Main.run("submission", dir.resolve("nope").toString())).isEqualTo(2);
    }
}
