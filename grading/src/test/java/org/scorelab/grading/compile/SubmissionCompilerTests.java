package org.scorelab.grading.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scorelab.grading.Uploads.MIXTURE;
import static org.scorelab.grading.Uploads.TEMPLATE;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.Uploads;
import org.scorelab.grading.intake.Intake;
import org.scorelab.grading.intake.SourceFile;
import org.scorelab.grading.intake.Upload;
import org.scorelab.grading.run.ClassPaths;

class SubmissionCompilerTests {
    private static final SubmissionCompiler COMPILER = new SubmissionCompiler(TEMPLATE, ClassPaths.compiler());
    private static final String SCHEDULE = "org/scorelab/dsm/NoiseSchedule.java";

    @TempDir
    Path dir;

    private Compilation compile(SourceFile... files) {
        return COMPILER.compile(new Upload(List.of(files), List.of()), dir.resolve("classes"));
    }

    private static FileOutcome outcome(Compilation c, String path) {
        return c.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void anEmptyUploadCompilesAsTheTemplateWithServiceRegistrations() {
        Compilation c = compile();
        assertThat(c.files()).allMatch(f -> f.source() == FileOutcome.Source.MISSING).hasSize(TEMPLATE.files().size());
        assertThat(c.classes().resolve("org/scorelab/dsm/GaussianMixture.class")).exists();
        assertThat(c.classes().resolve("META-INF/services/org.scorelab.ebm.api.EbmSolution")).hasContent("org.scorelab.ebm.Solution");
    }

    @Test
    void aFileWithACompileErrorIsReplacedByTheTemplatesAndTheRestIsKept() {
        String broken = Uploads.mixtureWithSample("double x = 1\n        throw new NotImplemented(\"1.1\");");
        String schedule = TEMPLATE.source(SCHEDULE);
        Compilation c = compile(new SourceFile(MIXTURE, broken, "GaussianMixture.java"),
            new SourceFile(SCHEDULE, schedule, "NoiseSchedule.java"));
        FileOutcome mixture = outcome(c, MIXTURE);
        assertThat(mixture.source()).isEqualTo(FileOutcome.Source.DID_NOT_COMPILE);
        assertThat(mixture.message()).containsPattern("GaussianMixture.java:\\d+: error: ';' expected")
            .contains("double x = 1").contains("^");
        assertThat(outcome(c, SCHEDULE).source()).isEqualTo(FileOutcome.Source.SUBMITTED);
        assertThat(c.problems()).containsExactly(mixture);
    }

    @Test
    void aChangedSignatureThatBreaksTheTemplatesOtherFilesIsBlamedOnItsFile() {
        // The student's constructor takes another argument: their file compiles, the template's Solution.java does not.
        String source = TEMPLATE.source(MIXTURE);
        String changed = source.replace("public GaussianMixture(MixtureSpec spec)", "public GaussianMixture(MixtureSpec spec, int k)");
        assertThat(changed).isNotEqualTo(source);
        Compilation c = compile(new SourceFile(MIXTURE, changed, "GaussianMixture.java"));
        FileOutcome mixture = outcome(c, MIXTURE);
        assertThat(mixture.source()).isEqualTo(FileOutcome.Source.DID_NOT_COMPILE);
        assertThat(mixture.message()).contains("did you change a public signature?").contains("Solution.java");
        assertThat(c.classes().resolve("org/scorelab/dsm/Solution.class")).exists();
    }

    @Test
    void aMisnamedOrMisfiledHelperFileKeepsTheStudentFilesThatCallItCompiling() {
        // The student's AnalyticScores calls a helper only their own GaussianMixture has (as the reference's does).
        Map<String, String> reference = Uploads.referenceSources();
        String analytic = "org/scorelab/dsm/AnalyticScores.java";
        assertThat(reference.get(analytic)).contains("GaussianMixture.logTerms(");
        for (Map.Entry<String, String> upload : Map.of("GaussianMixture (1).java", reference.get(MIXTURE),
            "GaussianMixture.java", reference.get(MIXTURE).replace("package org.scorelab.dsm;", "package org.scorelab;")).entrySet()) {
            Path folder = Uploads.folder(dir, "upload-" + upload.getKey().length(), Map.of(upload.getKey(), upload.getValue(),
                "AnalyticScores.java", reference.get(analytic)));
            Compilation c = COMPILER.compile(Intake.read(folder, TEMPLATE), dir.resolve("classes"));
            assertThat(outcome(c, MIXTURE).source()).as(upload.getKey()).isEqualTo(FileOutcome.Source.SUBMITTED);
            assertThat(outcome(c, analytic).source()).as(upload.getKey()).isEqualTo(FileOutcome.Source.SUBMITTED);
        }
    }

    @Test
    void aFileSetAsideForAnotherFilesChangeIsTriedAgainAndKeptWhenItCompiles() {
        // The student's AnnealedLangevin takes an argument the template's Solution does not pass: it is set aside. Their
        // Sampling, which builds it the template's way, fails beside it in the first round, but compiles beside the
        // template's AnnealedLangevin, so Task 4.2 is graded on the student's own code.
        Map<String, String> reference = Uploads.referenceSources();
        String langevin = "org/scorelab/dsm/AnnealedLangevin.java";
        String sampling = "org/scorelab/dsm/Sampling.java";
        String changed = reference.get(langevin).replace("public final class AnnealedLangevin implements LangevinSampler {",
            "public final class AnnealedLangevin implements LangevinSampler {\n    public AnnealedLangevin(int steps) {\n    }\n");
        assertThat(changed).isNotEqualTo(reference.get(langevin));
        assertThat(reference.get(sampling)).contains("new AnnealedLangevin()");
        Compilation c = compile(new SourceFile(langevin, changed, "AnnealedLangevin.java"),
            new SourceFile(sampling, reference.get(sampling), "Sampling.java"));
        assertThat(outcome(c, langevin).source()).isEqualTo(FileOutcome.Source.DID_NOT_COMPILE);
        assertThat(outcome(c, sampling).source()).isEqualTo(FileOutcome.Source.SUBMITTED);
        assertThat(c.classes().resolve(sampling.replace(".java", ".class"))).exists();
    }

    @Test
    void aFileThatNeedsWhatOnlyASetAsideFileHadSaysSo() {
        Map<String, String> reference = Uploads.referenceSources();
        String analytic = "org/scorelab/dsm/AnalyticScores.java";
        String broken = reference.get(MIXTURE).replace("double sd = Math.sqrt(spec.variance(k));", "double sd = Math.sqrt(spec.variance(k))");
        Compilation c = compile(new SourceFile(MIXTURE, broken, "GaussianMixture.java"),
            new SourceFile(analytic, reference.get(analytic), "AnalyticScores.java"));
        assertThat(outcome(c, MIXTURE).source()).isEqualTo(FileOutcome.Source.DID_NOT_COMPILE);
        assertThat(outcome(c, analytic).source()).isEqualTo(FileOutcome.Source.DID_NOT_COMPILE);
        assertThat(outcome(c, analytic).message()).startsWith("AnalyticScores.java does not compile once GaussianMixture.java (set aside,"
            + " see its message) is replaced by the template's. If it calls what only your GaussianMixture.java has, fix that file")
            .contains("logTerms");
    }

    @Test
    void theLatin1ExampleCompilesOnceDecoded() {
        Upload u = Intake.read(Uploads.example("Emmy Noether"), TEMPLATE);
        Compilation c = COMPILER.compile(u, dir.resolve("classes"));
        assertThat(c.problems()).isEmpty();
        assertThat(c.files()).filteredOn(f -> f.source() == FileOutcome.Source.SUBMITTED).hasSize(u.files().size());
        assertThat(Map.of("seconds", c.seconds())).isNotEmpty();
    }

    @Test
    void submissionsAreCompiledForJava17WhateverJdkRunsTheGrader() throws java.io.IOException {
        String source = TEMPLATE.source(SCHEDULE);
        String usesJava21 = source.replaceFirst("\\{", "{\n    static Object first() { return java.util.List.of(1).getFirst(); }");
        assertThat(usesJava21).isNotEqualTo(source);
        Compilation c = compile(new SourceFile(SCHEDULE, usesJava21, "NoiseSchedule.java"));
        assertThat(outcome(c, SCHEDULE).source()).as("List.getFirst() is Java 21").isEqualTo(FileOutcome.Source.DID_NOT_COMPILE);
        assertThat(outcome(c, SCHEDULE).message()).contains("getFirst");
        byte[] mixture = java.nio.file.Files.readAllBytes(c.classes().resolve("org/scorelab/dsm/GaussianMixture.class"));
        assertThat(((mixture[6] & 0xff) << 8) | (mixture[7] & 0xff)).as("class file major version").isEqualTo(61);
    }
}
