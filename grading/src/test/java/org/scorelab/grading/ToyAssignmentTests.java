package org.scorelab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.course.AssignmentDescriptor;
import org.scorelab.course.Course;
import org.scorelab.grading.cli.Main;
import org.scorelab.grading.run.ClassPaths;

/**
 * A third assignment added without any edit outside its own folder (issue 21): {@code grading/src/test/toy} (one task,
 * a contract and descriptor, a reference, a template, one public and one hidden check, a report figure) is compiled
 * into a plug-in folder and named by {@link Course#PLUGINS}; then a class is graded on its checks, the template fails
 * each of them with its own "not implemented", and a handout of it alone is written.
 */
class ToyAssignmentTests {
    private static final Path TOY = Uploads.repository().resolve("grading/src/test/toy").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildThePlugIn() throws IOException {
        Path plugin = dir.resolve("toy-plugin");
        String kit = ClassPaths.grader();
        compile(TOY.resolve("api/java"), plugin.resolve("api"), kit);
        copyTree(TOY.resolve("api/resources"), plugin.resolve("api"));
        String withApi = kit + File.pathSeparator + plugin.resolve("api");
        compile(TOY.resolve("checks/java"), plugin.resolve("checks"), withApi);
        compile(TOY.resolve("hidden/java"), plugin.resolve("hidden"), withApi);
        copyTree(TOY.resolve("hidden/resources"), plugin.resolve("hidden"));
        copyTree(TOY.resolve("template"), plugin.resolve("template"));
        // Built: the reference and the template compile against the contract.
        compile(TOY.resolve("reference"), dir.resolve("reference-classes"), withApi);
        compile(TOY.resolve("template"), dir.resolve("template-classes"), withApi);
        System.setProperty(Course.PLUGINS, plugin.toString());
    }

    @AfterAll
    static void removeThePlugIn() {
        System.clearProperty(Course.PLUGINS);
    }

    @Test
    void theToyJoinsTheCourseAfterDsmAndEbmWithItsTasksAndReportFigure() {
        assertThat(Course.installed().names()).containsExactly("dsm", "ebm", "toy");
        AssignmentDescriptor toy = Course.installed().named("toy");
        assertThat(toy.tasks()).extracting(t -> t.number() + " " + t.points()).containsExactly("1.1 2.0");
        assertThat(toy.reportFigure()).isPresent();
        assertThat(Course.installed().owning("org.scorelab.toy")).contains(toy);
    }

    @Test
    void aClassIsGradedOnTheToysPublicAndHiddenChecksAndTheTemplateFailsEachWithItsNotImplemented() throws IOException {
        Path classFolder = Files.createDirectories(dir.resolve("class"));
        Files.copy(TOY.resolve("reference/org/scorelab/toy/Doubler.java"),
            Files.createDirectories(classFolder.resolve("Ada Lovelace_100001_assignsubmission_file_")).resolve("Doubler.java"));
        Files.copy(TOY.resolve("template/org/scorelab/toy/Doubler.java"),
            Files.createDirectories(classFolder.resolve("Blaise Pascal_100002_assignsubmission_file_")).resolve("Doubler.java"));
        Path out = dir.resolve("out");

        assertThat(Main.run("class", classFolder.toString(), "--out", out.toString(), "--only", "toy\\..*", "--no-cache"))
            .isZero();

        JsonNode ada = JSON.readTree(out.resolve("Ada_Lovelace_100001/report.json").toFile());
        assertThat(ada.at("/totals/toy/earned").asDouble()).isEqualTo(2.0);
        assertThat(ada.at("/totals/toy/max").asDouble()).isEqualTo(2.0);
        assertThat(statuses(ada)).containsExactly("toy.DoublerTests.twiceDoublesAWholeNumber PASSED false",
            "toy.HiddenDoublerTests.twiceDoublesANegativeFraction PASSED true");
        assertThat(out.resolve("Ada_Lovelace_100001/figure.png")).isNotEmptyFile();

        JsonNode blaise = JSON.readTree(out.resolve("Blaise_Pascal_100002/report.json").toFile());
        assertThat(blaise.at("/totals/toy/earned").asDouble()).isZero();
        assertThat(blaise.at("/totals/toy/max").asDouble()).isEqualTo(2.0);
        // Template-checked: each graded check fails with its own task's "not implemented", the student's frame shown.
        assertThat(blaise.get("tests")).hasSize(2).allSatisfy(t -> assertThat(t.get("message").asText())
            .startsWith("org.scorelab.assignment.NotImplemented: not implemented: Task 1.1\n    at org.scorelab.toy.Doubler.twice("));
    }

    @Test
    void aSlurmArrayGradesTheSameCourseThatWroteIt() throws IOException {
        Path classFolder = Files.createDirectories(dir.resolve("slurm-class/Ada Lovelace_100001_assignsubmission_file_"));
        Files.copy(TOY.resolve("reference/org/scorelab/toy/Doubler.java"), classFolder.resolve("Doubler.java"));
        Path out = dir.resolve("slurm-out");

        assertThat(Main.run("slurm", classFolder.getParent().toString(), "--out", out.toString(), "--shards", "2")).isZero();

        // The shards and the merge job run a new JVM: without the plug-in property they would grade dsm and ebm only.
        for (String script : List.of("grade.sbatch", "merge.sbatch")) {
            assertThat(Files.readString(out.resolve("slurm").resolve(script))).as(script)
                .contains("'-D" + Course.PLUGINS + "=" + System.getProperty(Course.PLUGINS) + "'");
        }
    }

    @Test
    void aHandoutOfTheToyAloneHasItsTemplateChecksAndReadmeSectionAndNoOtherAssignment() throws IOException {
        Path repo = repositoryWithTheToy();
        Path out = dir.resolve("handout");

        assertThat(Main.run("handout", "--assignment", "toy", "--repo", repo.toString(), "--out", out.toString())).isZero();

        Path handout = out.resolve("scorelab-handout");
        List<String> files;
        try (Stream<Path> walk = Files.walk(handout)) {
            files = walk.filter(Files::isRegularFile).map(p -> handout.relativize(p).toString().replace('\\', '/')).toList();
        }
        assertThat(files).contains("assignment/src/main/java/org/scorelab/toy/Doubler.java",
            "checks/src/main/java/org/scorelab/suites/toy/DoublerTests.java",
            "kit/src/main/java/org/scorelab/toy/api/ToySolution.java")
            .noneMatch(f -> f.startsWith("assignment/src/main/java/org/scorelab/dsm/")
                || f.startsWith("assignment/src/main/java/org/scorelab/ebm/") || f.contains("suites/dsm/")
                || f.contains("suites/ebm/") || f.contains("HiddenDoublerTests"));
        assertThat(Files.readString(handout.resolve("README.md"))).startsWith("# scorelab: the toy assignment")
            .contains("## Assignment toy: twice a number").contains("`org/scorelab/toy/*.java`")
            .contains("mvn -q compile exec:java -Dexec.mainClass=org.scorelab.toy.ToyAssignment\n");
        assertThat(Files.readString(handout.resolve("assignment/pom.xml"))).contains("<argument>org.scorelab.toy</argument>")
            .doesNotContain("<argument>org.scorelab.dsm</argument>");
    }

    /** A copy of the repository's handout sources with the toy's contract, checks and template added. */
    private static Path repositoryWithTheToy() throws IOException {
        Path from = Uploads.repository().toAbsolutePath().normalize();
        Path repo = dir.resolve("repo");
        for (String f : List.of("pom.xml", "src/kit/pom.xml", "src/suites/pom.xml", "student-template/pom.xml")) {
            Files.copy(from.resolve(f), Files.createDirectories(repo.resolve(f).getParent()).resolve(Path.of(f).getFileName()));
        }
        for (String tree : List.of("src/kit/src/main", "src/suites/src/main", "student-template/src/main")) {
            copyTree(from.resolve(tree), repo.resolve(tree));
        }
        copyTree(TOY.resolve("api/java"), repo.resolve("src/kit/src/main/java"));
        Path services = repo.resolve("src/kit/src/main/resources/META-INF/services/org.scorelab.course.AssignmentDescriptor");
        Files.writeString(services, Files.readString(TOY.resolve("api/resources/META-INF/services/"
            + "org.scorelab.course.AssignmentDescriptor")), StandardOpenOption.APPEND);
        copyTree(TOY.resolve("api/resources/org"), repo.resolve("src/kit/src/main/resources/org"));
        copyTree(TOY.resolve("checks/java"), repo.resolve("src/suites/src/main/java"));
        copyTree(TOY.resolve("template"), repo.resolve("student-template/src/main/java"));
        return repo;
    }

    private static List<String> statuses(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("tests").forEach(t -> out.add(t.get("id").asText() + " " + t.get("status").asText() + " "
            + t.get("hidden").asBoolean()));
        return out;
    }

    private static void compile(Path sources, Path classes, String classPath) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", Files.createDirectories(classes).toString(), "-cp", classPath,
            "--release", "17", "-proc:none", "-nowarn"));
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(args::add);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac " + sources).isZero();
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
