package org.scorelab.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.handout.Handout;
import org.scorelab.grading.handout.HandoutReadme;

/**
 * Issue 19.8: the commands of README.md, docs/*.md and grading/README.md are right as typed. Each is checked without
 * running it (modules, main classes, test patterns, profiles, goals, the grader's arguments through its own command
 * line, properties, scripts: {@link DocCommandChecks}); the cheap ones are also run as written, in a copy of the
 * repository ({@link DocMaven}). The student handout's README is run as written by HandoutTests; here its commands are
 * only matched with the docs' copies of them. Prints a table: where, command, checked how.
 */
class DocCommandsTests {
    private static final Path REPO = Handout.findRepository(Path.of(""));

    /** The commands run as written: each under 20 s on the 2-core machine with another build beside it. */
    private static final List<String> RUN = List.of(
        "mvn -B -q -pl grading exec:java -Dexec.args=\"handout --assignment both --out handout-out\"",
        "mvn -B -q -pl grading exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.scorelab.grading.fairness.ChoiceSpace -Dexec.args=\"100\"",
        "mvn -B -q -pl grading exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.scorelab.grading.fairness.ChoiceSpace -Dexec.args=\"source s16-3 org/scorelab/dsm/EnergyNetwork.java\"",
        "mvn -B -q -pl student-template exec:java",
        "mvn -B -q -pl student-template exec:java -Dexec.mainClass=org.scorelab.ebm.EbmAssignment",
        "mvn -B -q -pl reference exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.scorelab.suites.dsm.SamplerMessageProbe");

    /**
     * Why each other command is only checked statically: the reason of the first entry whose text the command contains.
     * A new command that none matches fails the test: run it (RUN) or say here why not.
     */
    private static final List<Map.Entry<String, String>> NOT_RUN = List.of(
        Map.entry("mvn -B -q test", "the handout's checks in the handout folder; HandoutTests runs them as written"),
        Map.entry("mvn test", "the handout's checks in the handout folder; HandoutTests runs them as written"),
        Map.entry("class /tmp/draws", "writes 103 generated submissions and grades them: about an hour"),
        Map.entry("install -DskipTests", "builds and installs every module (about 70 s); the copy the commands run in holds its result"),
        Map.entry("python3", "needs PyTorch, which the build machine does not have"),
        Map.entry("/path/to/", "a placeholder for the teacher's files"),
        Map.entry("/shared/", "a placeholder for a cluster's shared folder; submits to Slurm"),
        Map.entry("submission 'grading/examples/class/Ada", "grades with the hidden suites: about 133 s"),
        Map.entry("verify", "builds and tests: 4 to 30 minutes"),
        Map.entry("-pl reference clean", "deletes the reference's classes, which the runs here use"),
        Map.entry("-Ppit", "mutation testing: 2 to 25 minutes"),
        Map.entry("-Dtest=", "runs test classes: 25 s to hours"),
        Map.entry("-pl student-template test", "compiles the template and runs its public checks (22 s on the loaded"
            + " machine); HandoutTests runs the same checks with the handout's mvn test"),
        Map.entry("student-template exec:java -Dexec.mainClass=org.scorelab.Figures", "draws nine pages (24 s on the"
            + " loaded machine); HandoutTests runs the handout's figures command on the same template"),
        Map.entry("org.scorelab.Figures", "trains five models: about 6 minutes"),
        Map.entry("Calibration", "runs checks hundreds of times: hours"),
        Map.entry("SpeedTable", "a benchmark: minutes"),
        Map.entry("speed-table.sh", "the benchmark, the kit's side and PyTorch's, each with 1 and 2 threads: minutes"),
        Map.entry("Probe", "trains or checks hundreds of networks: minutes"),
        Map.entry("EbmTrainingMargins", "trains the ebm methods many times: minutes"),
        Map.entry("SimilarityBench", "about 1 minute"),
        Map.entry("EbmAssignment", "trains the four ebm methods: about 5 minutes"),
        Map.entry("mvn -B -q -pl reference exec:java", "trains the dsm model: about 70 s"),
        Map.entry("mvn -B -q -pl grading exec:java", "the main job: the example class with the hidden suites, about 10 minutes"),
        Map.entry(".ci/run", "CI itself: every test, about 30 minutes"),
        Map.entry("ci-clean-clone.sh", "CI on a clean clone: about 30 minutes"),
        Map.entry("throughput.sh", "grades 120 submissions: minutes"),
        Map.entry("gradescope-limits.sh", "needs root and a memory cgroup; grades in a container's limits: minutes"),
        Map.entry("make-autograder.sh", "packs the git HEAD, which the copy has not"),
        Map.entry("local-cluster.sh", "starts Slurm's daemons as root"));

    @TempDir
    Path dir;

    @Test
    void everyCommandOfTheDocsIsRightAsTyped() throws Exception {
        long start = System.nanoTime();
        ProjectPoms poms = new ProjectPoms(REPO);
        Map<String, String> handout = new LinkedHashMap<>();
        List<DocCommand> handoutOnly = new ArrayList<>();
        List<DocCommand> handoutRows = handoutCommands(handout, handoutOnly);
        DocCommandChecks checks = new DocCommandChecks(REPO, poms, handout);
        List<DocCommand> commands = DocCommand.in(REPO);
        List<String> problems = staleListEntries(commands);
        DocMaven maven = DocMaven.prepare(REPO, poms, dir);
        System.out.printf("Static checks and the copy ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
        Map<String, String> ran = new LinkedHashMap<>();
        List<String[]> table = new ArrayList<>();
        for (DocCommand c : commands) {
            DocCommandChecks.Checked checked = checks.check(c);
            List<String> how = new ArrayList<>(checked.how());
            if (RUN.contains(c.text())) {
                how.add(!checked.problems().isEmpty() ? "not run: wrong as typed"
                    : ran.containsKey(c.text()) ? "run as written, as " + ran.get(c.text()) : run(maven, c, problems));
                ran.putIfAbsent(c.text(), c.where());
            } else if (DocCommandChecks.isCommand(c) && !handout.containsKey(c.text())) {
                Optional<String> why = NOT_RUN.stream().filter(e -> c.text().contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst();
                how.add("not run: " + why.orElse("no reason given"));
                if (why.isEmpty()) {
                    checked.problem("neither run nor said why not: add it to DocCommandsTests.RUN or a reason to NOT_RUN");
                }
            }
            problems.addAll(checked.messages());
            table.add(new String[] {c.where(), c.text(), String.join("; ", how)});
        }
        for (DocCommand c : handoutRows) {
            DocCommandChecks.Checked checked = handoutOnly.contains(c) ? checks.checkHandoutOnly(c) : null;
            table.add(new String[] {c.where(), c.text(), checked == null ? handout.get(c.text())
                : String.join("; ", checked.how()) + "; not run: HandoutTests runs the two-assignment handout's"});
            problems.addAll(checked == null ? List.of() : checked.messages());
        }
        System.out.printf("%-28s | %-100s | %s%n", "where", "command", "checked how");
        table.forEach(r -> System.out.printf("%-28s | %-100s | %s%n", r[0], abbreviate(r[1]), r[2]));
        System.out.printf("%d commands of %d documents and %d of the handout's READMEs checked, %d run as written: %.0f s%n",
            commands.size(), DocCommand.documents(REPO).size(), handoutRows.size(), ran.size(),
            (System.nanoTime() - start) / 1e9);
        assertThat(problems).as("commands of the documentation that are wrong as typed:%n%s",
            String.join("\n", problems)).isEmpty();
    }

    /** RUN's commands and NOT_RUN's texts that no document has any more: the lists must follow the documents. */
    private static List<String> staleListEntries(List<DocCommand> commands) {
        List<String> problems = new ArrayList<>();
        for (String text : RUN) {
            if (commands.stream().noneMatch(c -> c.text().equals(text))) {
                problems.add("DocCommandsTests.RUN: no document has the command " + text + " (any more)");
            }
        }
        for (Map.Entry<String, String> e : NOT_RUN) {
            if (commands.stream().noneMatch(c -> c.text().contains(e.getKey()))) {
                problems.add("DocCommandsTests.NOT_RUN: no document has a command with " + e.getKey() + " (any more)");
            }
        }
        return problems;
    }

    @Test
    void commandsAreFoundAndSplitAsBashReadsThem() {
        String markdown = String.join("\n",
            "Run `mvn -B -q -pl grading exec:java` or `grading/bench/throughput.sh 20 2`; `setup.sh` is a name, and",
            "`-Dexec.args=\"0 2.2\"` a fragment.",
            "```bash",
            "# a comment",
            "mvn -B -q install -DskipTests && mvn -B -q -pl grading exec:java -Dexec.classpathScope=test \\",
            "    -Dexec.args=\"source 'a b' c\"   # the rest of the line",
            "```",
            "```",
            "mvn printed-output-not-a-command",
            "```");
        assertThat(DocCommand.of("x.md", markdown)).extracting(DocCommand::where, DocCommand::text).containsExactly(
            tuple("x.md:1", "mvn -B -q -pl grading exec:java"), tuple("x.md:1", "grading/bench/throughput.sh 20 2"),
            tuple("x.md:2", "-Dexec.args=\"0 2.2\""), tuple("x.md:5", "mvn -B -q install -DskipTests"),
            tuple("x.md:5", "mvn -B -q -pl grading exec:java -Dexec.classpathScope=test -Dexec.args=\"source 'a b' c\""));
        assertThat(ShellWords.split("mvn -Dexec.args=\"source 'a b' c\" -Dtest='A*Tests' a\\ b"))
            .containsExactly("mvn", "-Dexec.args=source 'a b' c", "-Dtest=A*Tests", "a b");
        assertThat(ShellWords.execArgs("submission 'grading/examples/class/Ada Lovelace_1' --jvms 1"))
            .containsExactly("submission", "grading/examples/class/Ada Lovelace_1", "--jvms", "1");
        assertThat(MavenCommand.testPatternMatches("Similarity*Tests", "org/scorelab/grading/similarity/SimilarityCheckTests"))
            .isTrue();
        assertThat(MavenCommand.testPatternMatches("org/scorelab/suites/**", "org/scorelab/suites/dsm/X")).isTrue();
        assertThat(MavenCommand.testPatternMatches("org/scorelab/suites/**", "org/scorelab/grading/X")).isFalse();
    }

    /** Each kind of mistake a command can have, and the words its failure says it with. */
    @Test
    void aWrongCommandFailsNamingItsFileLineAndMistakeAndProseDoesNot() throws Exception {
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("mvn -B -q -pl gradin exec:java", "-pl gradin: no such module");
        wrong.put("mvn -B -q -pl grading exec:java -Dexec.args=\"class grading/examples/class --worker 2\"",
            "the grader refuses the arguments [class, grading/examples/class, --worker, 2]: Unknown options: '--worker', '2'");
        wrong.put("mvn -B -q -pl grading exec:java -Dexec.args=\"grade grading/examples/class\"", "the grader refuses");
        wrong.put("-Dexec.args=\"class grading/examples/class --public-only --worker 2\"", "Unknown options: '--worker', '2'");
        wrong.put("mvn -B -q -pl grading exec:java -Dexec.args=\"class grading/examples/klass\"",
            "the repository has no grading/examples/klass");
        wrong.put("mvn -B -q -pl grading exec:java -Dexec.classpathScope=tests", "exec:java knows compile, runtime, test");
        wrong.put("mvn -B -q -pl reference exec:java -Dexec.mainClass=org.scorelab.suites.dsm.SamplerMessageProbe",
            "it is a test class: add -Dexec.classpathScope=test");
        wrong.put("mvn -B -q -pl reference exec:java -Dexec.mainClass=org.scorelab.dsm.Assignment",
            "org.scorelab.dsm.Assignment: no class with a main method in reference's main sources");
        wrong.put("mvn -B -pl grading test -Dtest=NoSuchTests", "-Dtest=NoSuchTests matches no test class of grading");
        wrong.put("mvn -B -pl grading -am test -Dtest=HostileCorpusTests", "add -Dsurefire.failIfNoSpecifiedTests=false");
        wrong.put("mvn -B -Ppitt -pl reference process-test-classes org.pitest:pitest-maven:mutationCoverage@fast",
            "-Ppitt: no pom");
        wrong.put("mvn -B -pl reference process-test-classes org.pitest:pitest-maven:mutationCoverage@fast",
            "declare no plugin pitest-maven");
        wrong.put("mvn -B -Ppit -pl reference process-test-classes org.pitest:pitest-maven:mutationCoverage@fastest",
            "reference has no execution 'fastest'");
        wrong.put("mvn -B -pl grading test -Dtest=FairnessDrawsTests -Dscorelab.fairness.drawz=3",
            "-Dscorelab.fairness.drawz: no source of the repository reads it");
        wrong.put("mvn -B -Dfast=true verify", "-Dfast: no plugin the documentation uses reads it");
        wrong.put("mvn -B verfy", "'verfy' is neither a phase");
        wrong.put("mvn ... -Dscorelab.corpus=all", "an elision: write the command out");
        wrong.put("mvn -q compile exec:java -Dexec.mainClass=org.scorelab.Figurez", "no handout README has it");
        wrong.put("grading/bench/throughput.sh.orig 20 2", "no such file in the repository");
        wrong.put("bash grading/pom.xml", "bash -n grading/pom.xml: ");
        DocCommandChecks checks = new DocCommandChecks(REPO, new ProjectPoms(REPO), Map.of());
        for (Map.Entry<String, String> e : wrong.entrySet()) {
            DocCommandChecks.Checked checked = checks.check(new DocCommand("docs/example.md", 7, e.getKey(), false));
            assertThat(checked.messages()).as(e.getKey())
                .anySatisfy(m -> assertThat(m).startsWith("docs/example.md:7: " + e.getKey() + "\n    ").contains(e.getValue()));
        }
        // Prose that names a program or an option is neither wrong nor a command to run.
        for (String prose : List.of("-Dexec.args", "-Dscorelab.*", "bash -n", "mvn ...", "-Dexec.args=\"[seed] [folder]\"")) {
            DocCommand c = new DocCommand("docs/example.md", 7, prose, true);
            assertThat(checks.check(c).problems()).as(prose).isEmpty();
            assertThat(DocCommandChecks.isCommand(c)).as(prose).isFalse();
        }
    }

    /**
     * The commands of the handout's READMEs (both assignments, dsm only, ebm only), as the grader writes them: those
     * of the two-assignment handout HandoutTests runs as written; the others are listed in {@code only}.
     */
    private static List<DocCommand> handoutCommands(Map<String, String> covered, List<DocCommand> only) {
        List<DocCommand> rows = new ArrayList<>();
        for (List<String> assignments : List.of(List.of("dsm", "ebm"), List.of("dsm"), List.of("ebm"))) {
            String name = "handout README (" + String.join("+", assignments) + ")";
            for (DocCommand c : DocCommand.of(name, HandoutReadme.of(assignments))) {
                if (c.text().startsWith("mvn ") && !covered.containsKey(c.text())) {
                    rows.add(c);
                    if (assignments.size() == 2) {
                        covered.put(c.text(), "run as written by HandoutTests, in the handout's folder");
                    } else {
                        covered.put(c.text(), "in the " + assignments.get(0) + " handout's README (main class checked)");
                        only.add(c);
                    }
                }
            }
        }
        return rows;
    }

    /** Runs one command as written; the table's words for it, or a problem naming the file and line. */
    private static String run(DocMaven maven, DocCommand c, List<String> problems) {
        MavenCommand mvn = MavenCommand.of(c.words());
        for (String built : List.of("classes", "test-classes")) {
            Path classes = maven.copy().resolve(mvn.modules().get(0)).resolve("target").resolve(built);
            if (!Files.isDirectory(classes) && (built.equals("classes")
                || "test".equals(mvn.properties().get("exec.classpathScope")))) {
                problems.add(c.where() + ": " + c.text() + "\n    cannot run: " + maven.copy().relativize(classes)
                    + " is not built; build every module first, as the docs' set-up does (mvn -B -q install -DskipTests)");
                return "not run: its module is not built";
            }
        }
        try {
            DocMaven.Run run = maven.run(c.words());
            if (run.exit() != 0) {
                String[] lines = run.output().strip().split("\n");
                problems.add(String.format("%s: %s%n    exited with %d after %.0f s (%s):%n      %s", c.where(), c.text(),
                    run.exit(), run.seconds(), run.command(), String.join("\n      ",
                        List.of(lines).subList(Math.max(0, lines.length - 15), lines.length))));
            }
            return String.format("run as written (%s): exit %d in %.0f s", maven.offline() ? "offline" : "online",
                run.exit(), run.seconds());
        } catch (Exception e) {
            problems.add(c.where() + ": " + c.text() + "\n    could not run: " + e);
            return "could not run";
        }
    }

    private static String abbreviate(String command) {
        return command.length() <= 100 ? command : command.substring(0, 97) + "...";
    }
}
