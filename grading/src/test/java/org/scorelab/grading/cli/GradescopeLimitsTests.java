package org.scorelab.grading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.Uploads;
import org.scorelab.grading.run.ClassPaths;
import org.scorelab.grading.run.Limits;

/** The gradescope mode within a container's limits: fitted memory and JVMs, and a results.json whatever stops it. */
class GradescopeLimitsTests {
    @TempDir
    Path dir;

    @Test
    void gradescopesDefaultContainerGetsOneSmallTestJvm() {
        ContainerLimits gradescope = new ContainerLimits(768, 1);
        int heap = gradescope.testHeapMegabytes(2048);
        assertThat(heap).isEqualTo((768 - ContainerLimits.GRADER_MEGABYTES) / 4);
        assertThat(ContainerLimits.GRADER_MEGABYTES + 4L * heap).as("grader and test JVM resident").isLessThanOrEqualTo(768);
        assertThat(gradescope.testJvms(2, 2048)).isOne();
        assertThat(gradescope.apply(Limits.defaults()).heapMegabytes()).isEqualTo(heap);
    }

    @Test
    void aLargeMachineKeepsTheDefaultsAndAJvmPerAssignment() {
        ContainerLimits workstation = new ContainerLimits(24_000, 4);
        assertThat(workstation.testHeapMegabytes(2048)).isEqualTo(2048);
        assertThat(workstation.testJvms(2, 2048)).isEqualTo(2);
        assertThat(new ContainerLimits(8_000, 1).testJvms(2, 2048)).as("one CPU").isOne();
        assertThat(new ContainerLimits(200, 2).testHeapMegabytes(2048)).isEqualTo(ContainerLimits.SMALLEST_HEAP);
    }

    @Test
    void aGraderStoppedByTheContainerLeavesAResultsJsonThatSaysItIsNotAGrade() throws Exception {
        Path root = dir.resolve("autograder");
        Uploads.copy(Uploads.example("Ada Lovelace"), root.resolve("submission"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            ClassPaths.grader(), Main.class.getName(), "gradescope", "--root", root.toString(), "--public-only")
            .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null && !line.startsWith("Container:"); ) {
                // The container's limits are printed once results.json says grading has not finished.
            }
            p.destroyForcibly(); // what the container's out-of-memory killer or Gradescope's timeout does
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        JsonNode results = new ObjectMapper().readTree(root.resolve("results/results.json").toFile());
        assertThat(results.get("output").asText()).startsWith("This is not a grade. Grading did not finish")
            .contains("MB of memory");
        assertThat(results.get("output_format").asText()).isEqualTo("text");
        assertThat(results.get("tests")).isEmpty();
        assertThat(Files.exists(root.resolve("results/report.json"))).isFalse();
    }
}
