package org.scorelab.grading.handout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scorelab.grading.cli.Main;
import org.scorelab.grading.report.ReportFiles;
import org.scorelab.grading.run.ClassPaths;
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
 * The handout as a student gets it: built, unzipped into a fresh folder, built there by Maven on the student's JDK
 * from whatever their local repository holds (empty, filled by another project, full), scanned for anything of the
 * reference, the hidden suites or the grader, then filled in, previewed, handed in with its own command and graded:
 * the grader's public points equal the preview's, task by task. Every Maven command of the student README is run as
 * written.
 */
class HandoutTests {
    private static final Path REPO = Handout.findRepository(Path.of(""));
    private static final Pattern PREVIEW_LINE = Pattern.compile("(?m)^\\s*Task (dsm|ebm) (\\S+)\\s+([0-9.]+) /\\s*([0-9.]+)$");
    /** A Maven command of a README: a line of a code block, or an inline code span, that starts with {@code mvn }. */
    private static final Pattern README_COMMAND = Pattern.compile("(?m)^[ \\t]*(mvn [^#\\n]*?)\\s*(?:#.*)?$|`(mvn [^`]+)`");

    @TempDir
    Path dir;

    /**
     * The student's machines: this build's JDK with this build's local repository (full, or as CI left it), and the
     * newest JDK installed beside it (Temurin 25 on the course's machines) with an empty local repository, a
     * student's first build, which downloads everything from Maven Central. Where no newer JDK is installed, the
     * empty repository runs on this build's JDK, so that case runs everywhere.
     */
    static Stream<Arguments> studentMachines() {
        Path running = StudentMaven.runningJdk();
        Path newest = StudentMaven.newerJdk().orElse(running);
        return Stream.of(
            Arguments.of(Named.of("JDK " + Runtime.version().feature() + ", this build's local repository", running), false),
            Arguments.of(Named.of("JDK " + StudentMaven.feature(newest).orElse(Runtime.version().feature())
                + ", an empty local repository", newest), true));
    }

    @ParameterizedTest
    @MethodSource("studentMachines")
    void theHandoutBuildsAloneLeaksNothingAndGradesLikeItsPreview(Path jdk, boolean emptyRepository) throws Exception {
        long start = System.nanoTime();
        StudentMaven maven = new StudentMaven(jdk, emptyRepository ? Files.createDirectories(dir.resolve("m2"))
            : StudentMaven.buildRepository(), false);
        Handout.Written written = new Handout(REPO, Set.of("dsm", "ebm")).write(dir.resolve("out"));
        Path home = unzip(written.zip(), Files.createDirectories(dir.resolve("fresh"))).resolve(Handout.NAME);
        assertThat(home.resolve("README.md")).exists();
        Leaks.assertNone(home, REPO);
        Map<String, String> commands = readmeCommands(home.resolve("README.md"));

        String untouched = succeeds(maven.run(home, commands.get("test")));
        assertEndsWithThePreview(untouched);
        Leaks.assertNone(home, REPO);
        Map<String, String> reports = surefireOutcomes(home.resolve("assignment/target/surefire-reports"));
        Grader grader = new Grader(new Grader.Options(false, null, Limits.defaults(), Rubric.annotations(),
            ManualPoints.none(), 2));
        assertThat(reports).hasSize(grader.plan().size());
        assertThat(reports).allSatisfy((test, failure) -> assertThat(failure).as(test).contains("not implemented: Task"));
        assertThat(preview(untouched)).isNotEmpty().allSatisfy((task, earned) -> assertThat(earned).as(task).isZero());
        double untouchedSeconds = (System.nanoTime() - start) / 1e9;

        fillWithTheReferenceAndCarlGaussMistakes(home.resolve("assignment/src/main/java"));
        String filled = succeeds(maven.run(home, commands.get("test")));
        assertEndsWithThePreview(filled);
        Map<String, Double> preview = preview(filled);
        succeeds(maven.run(home, commands.get("hand-in")));
        Path submission = home.resolve("submission.zip");
        assertThat(zipEntries(submission)).containsExactlyElementsOf(taskFiles(home.resolve("assignment/src/main/java")));

        SubmissionReport report = grader.grade(Student.fromFolderName("Handout Student_1_assignsubmission_file_"),
            submission, dir.resolve("grading"));
        Map<String, Double> graded = points(report);
        assertThat(report.status()).isEqualTo("graded");
        assertThat(preview).isEqualTo(graded);
        TaskScore carls33 = report.tasks().stream().filter(t -> t.assignment().equals("dsm") && t.task().equals("3.3"))
            .findFirst().orElseThrow();
        assertThat(preview.get("dsm 3.3")).as("Carl Gauss's missing sigma^2 costs points in both")
            .isLessThan(carls33.max()).isEqualTo(carls33.earned());
        if (!jdk.equals(StudentMaven.runningJdk())) {
            assertThat(gradedOn(jdk, submission)).as("the grader on %s", jdk).isEqualTo(graded);
        }
        System.out.printf("Handout on %s (%s local repository): built, unzipped, scanned and its untouched build and"
            + " checks run in %.0f s; filled, previewed, handed in and graded in %.0f s more%n", jdk,
            emptyRepository ? "an empty" : "this build's", untouchedSeconds,
            (System.nanoTime() - start) / 1e9 - untouchedSeconds);
    }

    /**
     * Every Maven command of the student README, as written, on the untouched handout: first with this build's
     * local repository, online (a repository in any state: Maven fetches what is missing), then offline with a copy
     * of it that has none of the plugin groups' prefix metadata, as a repository filled by another project can be.
     * Offline, nothing can be fetched: the commands pass only because every plugin they name is declared, with its
     * version, in the handout's own poms.
     */
    @Test
    void everyReadmeCommandRunsWithoutThePluginGroupsMetadata() throws Exception {
        Path home = new Handout(REPO, Set.of("dsm", "ebm")).write(dir.resolve("out")).folder();
        Map<String, String> commands = readmeCommands(home.resolve("README.md"));
        assertThat(commands).containsKeys("test", "hand-in", "run", "figures");
        Path partial = StudentMaven.withoutPluginGroupMetadata(StudentMaven.buildRepository(), dir.resolve("partial-m2"));
        for (StudentMaven maven : List.of(new StudentMaven(StudentMaven.runningJdk(), StudentMaven.buildRepository(), false),
            new StudentMaven(StudentMaven.runningJdk(), partial, true))) {
            for (String command : commands.values()) {
                succeeds(maven.run(home, command));
            }
            assertThat(home.resolve("submission.zip")).isNotEmptyFile();
            assertThat(home.resolve("figures/figures.pdf")).isNotEmptyFile();
            Files.delete(home.resolve("submission.zip"));
        }
        try (Stream<Path> metadata = Files.walk(partial)) {
            assertThat(metadata.filter(f -> f.getFileName().toString().startsWith("maven-metadata")))
                .as("the offline run fetched no plugin group's metadata")
                .noneMatch(f -> readQuietly(f).contains("<prefix>"));
        }
    }

    /**
     * Issue 19, item 2: the untouched handout's checks, run as the README says, print the score preview and little
     * else: it ends the output, nothing but the JDK's own warnings comes before it, and no ANSI code anywhere. About
     * 30 s, with this build's local repository.
     */
    @Test
    void theUntouchedChecksPrintThePreviewLastAndLittleElse() throws Exception {
        Path home = new Handout(REPO, Set.of("dsm", "ebm")).write(dir.resolve("out")).folder();
        StudentMaven maven = new StudentMaven(StudentMaven.runningJdk(), StudentMaven.buildRepository(), false);
        String output = succeeds(maven.run(home, readmeCommands(home.resolve("README.md")).get("test")));
        assertEndsWithThePreview(output);
        assertThat(output).as("the failed checks, grouped by task").contains("Failed checks, by task in the sheet's order:")
            .contains("Task dsm 1.1, 2.00 of 2.00 points lost:").contains("not implemented: Task 3.2.2");
        assertThat(output.indexOf("Task ebm 1.3,")).as("dsm's tasks before ebm's").isGreaterThan(output.indexOf("Task dsm 4.2,"));
    }

    /** The most lines the score preview may be preceded by: on JDK 24+ Maven prints a 4-line warning first. */
    private static final int LINES_BEFORE_THE_PREVIEW = 8;

    /** A checks run's output ends with the score preview, which starts within its first lines; no ANSI escape codes. */
    private static void assertEndsWithThePreview(String output) {
        List<String> lines = output.strip().lines().toList();
        int header = lines.indexOf("==================== score preview ====================");
        assertThat(header).as("the preview's first line, in:%n%s", output).isBetween(0, LINES_BEFORE_THE_PREVIEW);
        assertThat(lines.get(lines.size() - 1)).as("the last line of:%n%s", output)
            .isEqualTo("=======================================================");
        assertThat(output).as("ANSI escape codes").doesNotContain("\u001b");
        System.out.printf("The checks printed %d lines, the preview from line %d%n", lines.size(), header + 1);
    }

    @Test
    void theReadmeCommandsAreFoundAndSplitAsAShellWould() {
        assertThat(StudentMaven.words("mvn -q compile exec:java -Dexec.args=\"0 2.2\""))
            .containsExactly("mvn", "-q", "compile", "exec:java", "-Dexec.args=0 2.2");
        assertThat(StudentMaven.feature(StudentMaven.runningJdk())).contains(Runtime.version().feature());
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
     * The Maven commands of a handout README, by what they do: "test", "run" (the assignment end to end), "figures",
     * "hand-in"; and every other one (e.g. one assignment's run) under its own text.
     */
    private static Map<String, String> readmeCommands(Path readme) throws IOException {
        Map<String, String> commands = new LinkedHashMap<>();
        Matcher m = README_COMMAND.matcher(Files.readString(readme));
        while (m.find()) {
            String command = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
            String key = command.equals("mvn -q test") ? "test" : command.endsWith("exec:java@hand-in") ? "hand-in"
                : command.contains("org.scorelab.Figures") ? "figures"
                : command.equals("mvn -q compile exec:java") ? "run" : command;
            commands.putIfAbsent(key, command);
        }
        return commands;
    }

    private static String succeeds(StudentMaven.Run run) {
        assertThat(run.exit()).as("%s", run).isZero();
        return run.output();
    }

    private static Map<String, Double> points(SubmissionReport report) {
        Map<String, Double> graded = new TreeMap<>();
        for (TaskScore t : report.tasks()) {
            graded.put(t.assignment() + " " + t.task(), t.earned());
        }
        return graded;
    }

    /**
     * The public points the grader gives {@code submission} when it runs on another JDK: its own command line in a
     * JVM of {@code jdk} (which also runs the test JVMs, and compiles with {@code --release 17} there too).
     */
    private Map<String, Double> gradedOn(Path jdk, Path submission) throws Exception {
        Path out = dir.resolve("graded-on-" + jdk.getFileName());
        Process p = new ProcessBuilder(jdk.resolve("bin/java").toString(), "--enable-native-access=ALL-UNNAMED",
            "-cp", ClassPaths.grader(), Main.class.getName(), "submission", submission.toString(), "--public-only",
            "--out", out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("grader-on-jdk.log").toFile())
            .start();
        assertThat(p.waitFor(15, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("grader-on-jdk.log"))).isZero();
        SubmissionReport report = ReportFiles.read(out.resolve(Student.fromFolderName("submission.zip").fileKey()))
            .orElseThrow();
        assertThat(report.runNotes()).as("what the test JVM on %s printed besides its tests", jdk).isEmpty();
        return points(report);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
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
