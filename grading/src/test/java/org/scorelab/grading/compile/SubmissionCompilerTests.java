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
