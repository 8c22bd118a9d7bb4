package org.scorelab.grading.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The allow-list on the uses the corpus cannot reach by compiling (the suites and the grader are not on its path). */
class PolicyTests {
    @Test
    void theSuitesTheGraderAndTheTestLibrariesAreRefusedEvenByName() {
        for (String owner : new String[] {"org/scorelab/suites/support/Solutions", "org/scorelab/grading/run/Channel",
            "org/junit/jupiter/api/Assertions", "org/opentest4j/AssertionFailedError", "net/jqwik/api/Arbitraries"}) {
            assertThat(Policy.refusal(owner, null)).as(owner).hasValueSatisfying(why -> assertThat(why).contains("suites'"));
        }
    }

    @Test
    void theKitNd4jsArraysTheJavaBasicsAndTheStudentsOwnClassesAreAllowed() {
        for (String[] use : new String[][] {{"org/scorelab/autograd/Tensor", "variable"}, {"org/scorelab/optim/Adam", "<init>"},
            {"org/scorelab/dsm/GaussianMixture", "sample"}, {"org/scorelab/ebm/models/MlpEnergy", "create"},
            {"org/scorelab/dsm/Sampling$Chain", "step"}, {"org/scorelab/dsm/api/DsmRun", "main"},
            {"org/scorelab/ebm/api/EbmRun", "main"},
            {"org/nd4j/linalg/factory/Nd4j", "create"}, {"org/nd4j/linalg/api/ndarray/INDArray", "mmul"},
            {"java/lang/Math", "exp"}, {"java/lang/System", "arraycopy"}, {"java/lang/System", "out"},
            {"java/io/PrintStream", "println"}, {"java/util/ArrayList", "<init>"}, {"java/util/stream/IntStream", "range"},
            {"[[D", "clone"}, {"[Lorg/scorelab/autograd/Tensor;", "clone"}}) {
            assertThat(Policy.refusal(use[0], use[1])).as(use[0] + "." + use[1]).isEmpty();
        }
    }

    @Test
    void fileAccessThroughAllowedPackagesIsStillRefused() {
        assertThat(Policy.refusal("org/nd4j/linalg/factory/Nd4j", "readNumpy")).isPresent();
        assertThat(Policy.refusal("org/scorelab/nn/Parameters", "load")).isPresent();
        assertThat(Policy.refusal("org/scorelab/nn/Parameters", "parameterCount")).isEmpty();
        assertThat(Policy.refusal("org/scorelab/dsm/sheet/DsmFigures", "make"))
            .contains("the figures are made by the figures command, not by a task: they write files");
        assertThat(Policy.refusal("org/scorelab/ebm/sheet/EbmFigures", null)).isPresent();
        assertThat(Policy.refusal("org/scorelab/dsm/sheet/DsmDescriptor", "run")).isPresent();
        assertThat(Policy.refusal("org/scorelab/course/Course", "installed")).isPresent();
        assertThat(Policy.refusal("org/scorelab/figures/FigureBook", "write")).isPresent();
        assertThat(Policy.refusal("org/scorelab/optim/TrainingProgress", "start")).isEmpty();
        assertThat(Policy.refusal("org/scorelab/assignment/HyperParameters", "of")).isEmpty();
        assertThat(Policy.refusal("java/io/PrintStream", "<init>")).hasValueSatisfying(w -> assertThat(w).contains("I/O"));
        assertThat(Policy.refusal("java/util/concurrent/Executors", "newFixedThreadPool")).isPresent();
        assertThat(Policy.refusal("java/util/ServiceLoader", "load")).isPresent();
        assertThat(Policy.refusal("org/apache/commons/io/FileUtils", "readFileToString"))
            .hasValueSatisfying(w -> assertThat(w).contains("not part of the API"));
    }

    @Test
    void theAllowListNamesNoClassAndNoAssignment() throws java.io.IOException {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/org/scorelab/grading/compile/Policy.java"));
        assertThat(source).doesNotContain("dsm").doesNotContain("ebm").doesNotContain("Figures\"");
    }
}
