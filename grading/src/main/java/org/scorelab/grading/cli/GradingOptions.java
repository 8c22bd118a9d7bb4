package org.scorelab.grading.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.scorelab.grading.Grader;
import org.scorelab.grading.run.Limits;
import org.scorelab.grading.score.ManualPoints;
import org.scorelab.grading.score.Rubric;
import picocli.CommandLine.Option;

/** The options every grading command shares. */
final class GradingOptions {
    @Option(names = "--public-only", description = "Run only the public suites (what students run locally).")
    boolean publicOnly;

    @Option(names = "--only", paramLabel = "REGEX",
        description = "Run only the test classes matching REGEX, relative to org.scorelab.suites (e.g. 'ebm\\..*').")
    String only;

    @Option(names = "--rubric", paramLabel = "FILE", description = "Rubric JSON (default: the points of @Graded).")
    Path rubric;

    @Option(names = "--manual", paramLabel = "CSV", description = "Hand-given points: student,assignment,task,points,comment.")
    Path manual;

    @Option(names = "--test-timeout", paramLabel = "SECONDS", defaultValue = "300",
        description = "Time limit of one test (default: ${DEFAULT-VALUE}).")
    long testTimeout;

    @Option(names = "--submission-timeout", paramLabel = "SECONDS", defaultValue = "1800",
        description = "Time limit of all of a submission's tests (default: ${DEFAULT-VALUE}).")
    long submissionTimeout;

    @Option(names = "--heap", paramLabel = "MB",
        description = "Heap of the test JVM (default: 2048; in gradescope mode, a quarter of what the container leaves).")
    Integer heap;

    @Option(names = "--output-cap", paramLabel = "BYTES", defaultValue = "16384",
        description = "Output kept per test (default: ${DEFAULT-VALUE}).")
    int outputCap;

    @Option(names = "--threads", defaultValue = "1",
        description = "Native (OpenMP/BLAS) threads per test JVM (default: ${DEFAULT-VALUE}; 2 made training 2.4x slower).")
    int threads;

    Limits limits() {
        return new Limits(Duration.ofSeconds(testTimeout), Duration.ofSeconds(submissionTimeout),
            heap == null ? Limits.defaults().heapMegabytes() : heap, outputCap, threads, Limits.defaults().maxJvmStarts());
    }

    @Option(names = "--jvms", paramLabel = "N",
        description = "Test JVMs per submission, one per assignment, side by side (default: 2 for one submission,"
            + " 1 per worker for a class).")
    Integer jvms;

    /** @param defaultJvms the test JVMs per submission when --jvms is not given */
    Grader grader(int defaultJvms) throws IOException {
        return grader(limits(), defaultJvms);
    }

    /** As above, with {@code limits} instead of the options' own. */
    Grader grader(Limits limits, int defaultJvms) throws IOException {
        return grader(limits, defaultJvms, null);
    }

    /** As above, with a results cache in {@code cache} (null: none). */
    Grader grader(Limits limits, int defaultJvms, Path cache) throws IOException {
        return new Grader(new Grader.Options(!publicOnly, only, limits,
            rubric == null ? Rubric.annotations() : Rubric.read(rubric),
            manual == null ? ManualPoints.none() : ManualPoints.read(manual), jvms == null ? defaultJvms : jvms, cache));
    }
}
