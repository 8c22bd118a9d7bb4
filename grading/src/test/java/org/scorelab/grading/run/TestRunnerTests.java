package org.scorelab.grading.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scorelab.grading.Uploads.MIXTURE;
import static org.scorelab.grading.Uploads.TEMPLATE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.Uploads;
import org.scorelab.grading.compile.Compilation;
import org.scorelab.grading.compile.SubmissionCompiler;
import org.scorelab.grading.intake.Intake;
import org.scorelab.grading.intake.SourceFile;
import org.scorelab.grading.intake.Upload;

/**
 * The test JVM against small suites (Task 1.1's public checks, a second each): what passes, what fails, and what a
 * hang, a System.exit, an out-of-memory, a flood of output or a forged result line cost. The static check is off here,
 * so that each layer of the defence is tested alone.
 */
class TestRunnerTests {
    private static final Limits LIMITS = new Limits(Duration.ofSeconds(20), Duration.ofMinutes(3), 256, 2048, 1, 3);
    private static List<PlannedTest> plan;

    @TempDir
    Path dir;

    @BeforeAll
    static void discover() {
        plan = SuitePlan.discover(false, "dsm\\.MixtureSamplingTests");
    }

    private SuiteRun run(String sampleBody, Limits limits) {
        Upload upload = new Upload(List.of(new SourceFile(MIXTURE, Uploads.mixtureWithSample(sampleBody), "x")), List.of());
        return run(upload, limits);
    }

    private SuiteRun run(Upload upload, Limits limits) {
        // Without the static check: these tests prove the process boundary holds on its own.
        Compilation c = new SubmissionCompiler(TEMPLATE, ClassPaths.compiler(), false).compile(upload, dir.resolve("classes"));
        assertThat(c.problems()).isEmpty();
        return new TestRunner(limits).run(plan, c.classes(), dir.resolve("run"));
    }

    private static TestOutcome sampleTest(SuiteRun run) {
        return run.outcomes().stream().filter(o -> o.test().id().endsWith("sampleHasOnePointPerRowAndIsReproducible"))
            .findFirst().orElseThrow();
    }

    @Test
    void thePlanHoldsTheGradedTestsOfThePublicSuitesOnly() {
        assertThat(plan).hasSize(5).allMatch(t -> t.assignment().equals("dsm") && t.task().equals("1.1") && !t.hidden());
        assertThat(SuitePlan.discover(true, "ebm\\..*")).anyMatch(PlannedTest::hidden).anyMatch(t -> !t.hidden());
    }

    @Test
    void thePlanListsAClasssChecksInTheOrderOfTheirOrderAnnotations() {
        // Issue 16: a task's first failure in the report is the check the suites put first (JUnit runs them so too).
        assertThat(plan).extracting(PlannedTest::id).containsExactly("dsm.MixtureSamplingTests.sampleHasOnePointPerRowAndIsReproducible",
            "dsm.MixtureSamplingTests.componentsHaveTheirMeansAndCovariances", "dsm.MixtureSamplingTests.componentsKeepTheirProportions",
            "dsm.MixtureSamplingTests.logDensityIsTheMixtureFormula", "dsm.MixtureSamplingTests.densityIsTheExponentialOfTheLogDensity");
    }

    @Test
    void theReferenceSolutionPassesEveryCheckInOneJvm() {
        SuiteRun run = run(Intake.read(Uploads.example("Ada Lovelace"), TEMPLATE), LIMITS);
        assertThat(run.outcomes()).allMatch(TestOutcome::passed);
        assertThat(run.jvmStarts()).isEqualTo(1);
        assertThat(run.notes()).isEmpty();
    }

    @Test
    void theTemplateFailsEachCheckWithNotImplementedAndTheStudentsFrame() {
        SuiteRun run = run(new Upload(List.of(), List.of()), LIMITS);
        assertThat(run.outcomes()).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(Status.ERROR);
            assertThat(o.message()).startsWith("org.scorelab.assignment.NotImplemented: not implemented: Task 1.1")
                .contains("at org.scorelab.dsm.GaussianMixture.").doesNotContain("org.scorelab.suites");
        });
    }

    @Test
    void anEndlessLoopCostsItsTestsAndTheJvmIsRestartedUntilTheLimit() {
        // Three of the five checks call sample; two JVMs are allowed, so at least one of the three never runs.
        SuiteRun run = run("while (true) { }", new Limits(Duration.ofSeconds(4), Duration.ofMinutes(3), 256, 2048, 1, 2));
        assertThat(run.jvmStarts()).isEqualTo(2);
        assertThat(run.outcomes()).filteredOn(o -> o.status() == Status.TIMED_OUT).hasSize(2)
            .allSatisfy(o -> assertThat(o.message()).contains("limit of 4 s"));
        assertThat(run.outcomes()).filteredOn(o -> o.status() == Status.NOT_RUN).isNotEmpty()
            .allSatisfy(o -> assertThat(o.message()).contains("started 2 times"));
        assertThat(run.outcomes()).noneMatch(TestOutcome::passed);
    }

    @Test
    void systemExitCostsOnlyTheTestsThatCallIt() {
        // The three sampling checks come first in the plan (their @Order) and each ends its JVM: allow a fourth.
        SuiteRun run = run("System.exit(0);\n        throw new NotImplemented(\"1.1\");",
            new Limits(Duration.ofSeconds(20), Duration.ofMinutes(3), 256, 2048, 1, 4));
        assertThat(sampleTest(run).status()).isEqualTo(Status.CRASHED);
        assertThat(sampleTest(run).message()).contains("System.exit(0)");
        // logDensity is still the template's: those tests fail normally, in a restarted JVM.
        assertThat(run.outcomes()).anyMatch(o -> o.status() == Status.ERROR && o.message().contains("Task 1.1"));
    }

    @Test
    void runningOutOfHeapIsReportedAsOutOfMemory() {
        SuiteRun run = run("java.util.List<long[]> hog = new java.util.ArrayList<>();\n"
            + "        while (true) { hog.add(new long[1 << 20]); }", LIMITS);
        assertThat(sampleTest(run).status()).isEqualTo(Status.CRASHED);
        assertThat(sampleTest(run).message()).contains("out of memory").contains("256 MB");
    }

    @Test
    void theSandboxHidesTheGradersFilesAndTheNetwork() throws Exception {
        assertThat(Sandbox.available()).as("bubblewrap (bwrap) is installed and works: .ci/run installs it").isTrue();
        String secret = Path.of("pom.xml").toAbsolutePath().toString();
        assertThat(Path.of(secret)).exists();
        try (java.net.ServerSocket server = new java.net.ServerSocket(0)) {
            SuiteRun run = run("String seen = \"\";\n"
                + "        try { seen += \"read \" + java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"" + secret + "\")).length; }\n"
                + "        catch (Exception e) { seen += \"blocked read: \" + e.getClass().getSimpleName(); }\n"
                + "        try (java.net.Socket s = new java.net.Socket(\"127.0.0.1\", " + server.getLocalPort() + ")) { seen += \", connected\"; }\n"
                + "        catch (Exception e) { seen += \", blocked connect: \" + e.getClass().getSimpleName(); }\n"
                + "        throw new IllegalStateException(seen);", LIMITS);
            assertThat(sampleTest(run).message()).contains("blocked read: NoSuchFileException")
                .contains("blocked connect: ConnectException");
        }
    }

    @Test
    void aFloodOfOutputIsCappedAndAForgedResultLineIsIgnored() {
        SuiteRun run = run("for (int i = 0; i < 200_000; i++) { System.out.println(\"noise \" + i); }\n"
            + "        try { new java.io.FileOutputStream(java.io.FileDescriptor.out).write(\n"
            + "            \"@@scorelab-event 2 eyJldmVudCI6ImZpbmlzaCJ9 00\\n\".getBytes()); } catch (Exception e) { }\n"
            + "        throw new NotImplemented(\"1.1\");", LIMITS);
        TestOutcome sample = sampleTest(run);
        assertThat(sample.status()).isEqualTo(Status.ERROR);
        assertThat(sample.output()).startsWith("noise 0\n").contains("more bytes of output dropped").hasSizeLessThan(2300);
        assertThat(run.notes()).anyMatch(n -> n.contains("output outside any test"));
    }
}
