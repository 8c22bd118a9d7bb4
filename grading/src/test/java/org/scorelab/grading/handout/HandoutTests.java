package org.scorelab.grading.handout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.Grader;
import org.scorelab.grading.Uploads;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.report.SubmissionReport;
import org.scorelab.grading.run.Limits;
import org.scorelab.grading.score.ManualPoints;
import org.scorelab.grading.score.Rubric;
import org.scorelab.grading.score.TaskScore;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The handout as a student gets it: built, unzipped into a fresh folder, built there by Maven from nothing but the
 * local repository, scanned for anything of the reference, the hidden suites or the grader, then filled in, previewed,
 * handed in with its own command and graded: the grader's public points equal the preview's, task by task.
 */
class HandoutTests {
    private static final Path REPO = Handout.findRepository(Path.of(""));
    private static final Pattern PREVIEW_LINE = Pattern.compile("(?m)^\\s*Task (dsm|ebm) (\\S+)\\s+([0-9.]+) /\\s*([0-9.]+)$");

    @TempDir
    Path dir;

    @Test
    void theHandoutBuildsAloneLeaksNothingAndGradesLikeItsPreview() throws Exception {
        long start = System.nanoTime();
        Handout.Written written = new Handout(REPO, Set.of("dsm", "ebm")).write(dir.resolve("out"));
        Path home = unzip(written.zip(), Files.createDirectories(dir.resolve("fresh"))).resolve(Handout.NAME);
        assertThat(home.resolve("README.md")).exists();
        Leaks.assertNone(home, REPO);

        String untouched = maven(home, "test");
        Leaks.assertNone(home, REPO);
        Map<String, String> reports = surefireOutcomes(home.resolve("assignment/target/surefire-reports"));
        Grader grader = new Grader(new Grader.Options(false, null, Limits.defaults(), Rubric.annotations(),
            ManualPoints.none(), 2));
        assertThat(reports).hasSize(grader.plan().size());
        assertThat(reports).allSatisfy((test, failure) -> assertThat(failure).as(test).contains("not implemented: Task"));
        assertThat(preview(untouched)).isNotEmpty().allSatisfy((task, earned) -> assertThat(earned).as(task).isZero());
        double untouchedSeconds = (System.nanoTime() - start) / 1e9;

        fillWithTheReferenceAndCarlGaussMistakes(home.resolve("assignment/src/main/java"));
        Map<String, Double> preview = preview(maven(home, "test"));
        maven(home, "compile", "exec:java@hand-in");
        Path submission = home.resolve("submission.zip");
        assertThat(zipEntries(submission)).containsExactlyElementsOf(taskFiles(home.resolve("assignment/src/main/java")));

        SubmissionReport report = grader.grade(Student.fromFolderName("Handout Student_1_assignsubmission_file_"),
            submission, dir.resolve("grading"));
        Map<String, Double> graded = new TreeMap<>();
        for (TaskScore t : report.tasks()) {
            graded.put(t.assignment() + " " + t.task(), t.earned());
        }
        assertThat(report.status()).isEqualTo("graded");
        assertThat(preview).isEqualTo(graded);
        assertThat(preview.get("dsm 3.3")).as("Carl Gauss's missing sigma^2 costs points in both").isEqualTo(2.0);
        System.out.printf("Handout: built, unzipped, scanned and its untouched build and checks run in %.0f s; filled,"
            + " previewed, handed in and graded in %.0f s more%n", untouchedSeconds, (System.nanoTime() - start) / 1e9
            - untouchedSeconds);
    }

    @Test
    void oneAssignmentsHandoutHasNothingOfTheOther() throws IOException {
        Handout.Written written = new Handout(REPO, Set.of("ebm")).write(dir);
        assertThat(written.files())
            .noneMatch(f -> f.contains("org/scorelab/dsm/") && !f.startsWith(Handout.NAME + "/kit/"))
            .noneMatch(f -> f.contains("suites/dsm/") || f.endsWith("services/org.scorelab.dsm.api.DsmSolution"))
            .anyMatch(f -> f.endsWith("assignment/src/main/java/org/scorelab/ebm/Langevin.java"))
            .anyMatch(f -> f.endsWith("checks/src/main/java/org/scorelab/suites/ebm/LangevinTests.java"));
        String readme = Files.readString(written.folder().resolve("README.md"));
        assertThat(readme).contains("Assignment ebm", "exec:java@hand-in", "report.pdf", "org.scorelab.Figures")
            .doesNotContain("Assignment dsm", "{{");
        assertThat(Files.readString(written.folder().resolve("assignment/pom.xml")))
            .contains("<argument>org.scorelab.ebm</argument>").doesNotContain("<argument>org.scorelab.dsm</argument>");
    }

    @Test
    void theScanFindsTheReferenceTheHiddenSuitesAndTheGraderEvenInsideAJar() throws IOException {
        Path handout = new Handout(REPO, Set.of("dsm")).write(dir).folder();
        Path mixture = REPO.resolve("reference/src/main/java/org/scorelab/dsm/GaussianMixture.java");
        Files.copy(mixture, handout.resolve("notes.txt"));
        Files.writeString(handout.resolve("checks/src/main/java/org/scorelab/suites/dsm/EndToEndTests.java"), "// empty");
        Files.write(handout.resolve("kit/lib.jar"), Uploads.zip(Map.of(
            "grading/rubric.json", Uploads.utf8("{}"),
            "Note.java", Uploads.utf8("import org.scorelab.grading.Grader;"))));
        assertThat(Leaks.find(handout, REPO)).containsExactlyInAnyOrder(
            "checks/src/main/java/org/scorelab/suites/dsm/EndToEndTests.java is a hidden suites' class",
            "kit/lib.jar!/grading/rubric.json is a rubric",
            "kit/lib.jar!/Note.java names the grader's package",
            "notes.txt is the reference source java/org/scorelab/dsm/GaussianMixture.java");
    }

    @Test
    void aFolderThatIsNotTheRepositoryOrAnUnknownAssignmentIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new Handout(dir, Set.of("dsm")))
            .hasMessageContaining("not the scorelab repository").hasMessageContaining("--repo");
        assertThatThrownBy(() -> new Handout(REPO, Set.of("gan")))
            .hasMessageContaining("must be some of [dsm, ebm]").hasMessageContaining("gan");
    }

    /** The reference's task files, then Carl Gauss's (grading/examples/class: mistakes in dsm 3.3 and 3.4, ebm 1.3). */
    private static void fillWithTheReferenceAndCarlGaussMistakes(Path sources) throws IOException {
        for (String a : Handout.ASSIGNMENTS) {
            try (Stream<Path> files = Files.list(REPO.resolve("reference/src/main/java/org/scorelab/" + a))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, sources.resolve("org/scorelab/" + a).resolve(f.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path gauss = Uploads.example("Carl Gauss").resolve("gauss_submission.zip");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(gauss))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String text = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                Matcher pkg = Pattern.compile("(?m)^package ([\\w.]+);").matcher(text);
                assertThat(pkg.find()).as(e.getName()).isTrue();
                Files.writeString(sources.resolve(pkg.group(1).replace('.', '/')).resolve(e.getName()), text);
            }
        }
    }

    /** The per-task points of the last score preview in a build's output. */
    private static Map<String, Double> preview(String output) {
        int at = output.lastIndexOf("score preview");
        assertThat(at).as("a score preview in:%n%s", output).isNotNegative();
        Map<String, Double> tasks = new TreeMap<>();
        Matcher m = PREVIEW_LINE.matcher(output.substring(at));
        while (m.find()) {
            tasks.put(m.group(1) + " " + m.group(2), Double.parseDouble(m.group(3)));
        }
        return tasks;
    }

    /** Test name to its failure's or error's message ("" for a test that passed). */
    private static Map<String, String> surefireOutcomes(Path reports) throws Exception {
        Map<String, String> outcomes = new TreeMap<>();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))::iterator) {
                NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile())
                    .getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element c = (Element) cases.item(i);
                    String message = "";
                    for (String kind : List.of("failure", "error")) {
                        NodeList n = c.getElementsByTagName(kind);
                        if (n.getLength() > 0) {
                            message = ((Element) n.item(0)).getAttribute("message");
                        }
                    }
                    outcomes.put(c.getAttribute("classname") + "." + c.getAttribute("name"), message);
                }
            }
        }
        return outcomes;
    }

    /**
     * Runs Maven in {@code project} with the local repository of the build running this test, so the kit and the
     * checks must come from the handout's own reactor (their version is the handout's, in no repository). Offline
     * first; a fresh CI machine's repository holds only what the outer build used (not the exec plugin the hand-in
     * runs), so if offline Maven misses something it runs again online and fetches it from Central, as a student's
     * first build does.
     */
    private static String maven(Path project, String... goals) throws Exception {
        String localRepo = System.getProperty("scorelab.maven.repo.local",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path mvn = Path.of(System.getProperty("scorelab.maven.home", ""), "bin", "mvn");
        List<String> command = new ArrayList<>(List.of(Files.isExecutable(mvn) ? mvn.toString() : "mvn", "-B", "-q",
            "-Dmaven.repo.local=" + localRepo));
        command.addAll(List.of(goals));
        List<String> offline = new ArrayList<>(command);
        offline.add(1, "-o");
        Run run = Run.of(offline, project);
        if (run.exit() != 0 && run.output().contains("offline mode")) {
            run = Run.of(command, project);
        }
        assertThat(run.exit()).as("%s in %s:%n%s", command, project, run.output()).isZero();
        return run.output();
    }

    private record Run(int exit, String output) {
        static Run of(List<String> command, Path project) throws Exception {
            Path log = Files.createTempFile(project.getParent(), "maven-", ".log");
            Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
            if (!p.waitFor(15, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly().waitFor();
            }
            return new Run(p.exitValue(), Files.readString(log));
        }
    }

    private static Path unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                assertThat(target.startsWith(into)).as(e.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
        return into;
    }

    private static List<String> zipEntries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static List<String> taskFiles(Path sources) throws IOException {
        List<String> names = new ArrayList<>();
        for (String a : Handout.ASSIGNMENTS) {
            try (Stream<Path> files = Files.list(sources.resolve("org/scorelab/" + a))) {
                files.map(f -> "org/scorelab/" + a + "/" + f.getFileName()).sorted().forEach(names::add);
            }
        }
        return names;
    }
}
