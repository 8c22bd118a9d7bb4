package org.scorelab.grading.run;

import java.time.Duration;

/**
 * The limits of one submission's test JVM.
 *
 * @param perTest wall time a single test may take before the JVM is killed and restarted without it
 * @param perSubmission wall time for all of a submission's tests together
 * @param heapMegabytes the Java heap ({@code -Xmx}); ND4J's off-heap memory is capped at twice this
 * @param outputBytes output kept per test; the rest is counted and dropped
 * @param threads native (OpenMP/BLAS) threads of the JVM. One is the measured best on the course machine: with
 *     {@code OMP_NUM_THREADS=2} the dsm training check took 106-111 s, with 1 (or unset) 45 s (docs/grading.md)
 * @param maxJvmStarts JVMs started for one submission before the remaining tests are given up
 */
public record Limits(Duration perTest, Duration perSubmission, int heapMegabytes, int outputBytes, int threads,
                     int maxJvmStarts) {
    /** Limits that let the reference's training finish on a loaded 2-core machine. */
    public static Limits defaults() {
        return new Limits(Duration.ofMinutes(5), Duration.ofMinutes(30), 2048, 16 * 1024, 1, 8);
    }

    public Limits withThreads(int n) {
        return new Limits(perTest, perSubmission, heapMegabytes, outputBytes, n, maxJvmStarts);
    }

    public Limits withTimes(Duration test, Duration submission) {
        return new Limits(test, submission, heapMegabytes, outputBytes, threads, maxJvmStarts);
    }
}
