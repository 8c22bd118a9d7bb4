package org.scorelab.grading.cli;

import java.lang.management.ManagementFactory;
import org.scorelab.grading.run.Limits;

/**
 * Limits for a grader that shares a small container with its test JVM (Gradescope's default: 768 MB and a fraction of
 * a CPU), derived from what the JVM sees of the container: its memory limit
 * ({@code OperatingSystemMXBean.getTotalMemorySize()}, container-aware since JDK 14) and its CPUs
 * ({@code availableProcessors()}, which honours CPU quotas and affinity).
 *
 * <p>The test JVM's resident memory is capped at four times its heap (the heap, and ND4J's off-heap memory capped at
 * twice the heap by JavaCPP's {@code maxphysicalbytes}, see TestJvm), so its heap is a quarter of what the grader's own
 * JVM leaves. The grader's JVM is started with {@code -XX:MaxRAMPercentage=25} by run_autograder and takes about
 * {@link #GRADER_MEGABYTES} resident with its compiler (measured: docs/grading.md).
 *
 * @param memoryMegabytes the container's memory
 * @param cpus the CPUs the JVM may use
 */
record ContainerLimits(long memoryMegabytes, int cpus) {
    /** What the grader's own JVM takes, resident, while it compiles and waits for the test JVM. */
    static final long GRADER_MEGABYTES = 320;
    /** Below this a test JVM cannot load ND4J and run a check. */
    static final int SMALLEST_HEAP = 96;

    /** The limits of the container this JVM runs in. */
    static ContainerLimits here() {
        long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
        return new ContainerLimits(bytes >> 20, Runtime.getRuntime().availableProcessors());
    }

    /** The test JVM's heap: a quarter of what the grader leaves, at least {@link #SMALLEST_HEAP}, at most the default. */
    int testHeapMegabytes(int defaultHeap) {
        long quarter = (memoryMegabytes - GRADER_MEGABYTES) / 4;
        return (int) Math.max(SMALLEST_HEAP, Math.min(defaultHeap, quarter));
    }

    /** Test JVMs side by side for one submission: one per CPU, at most one per assignment, never more than memory allows. */
    int testJvms(int assignments, int defaultHeap) {
        long fit = Math.max(1, (memoryMegabytes - GRADER_MEGABYTES) / (4L * testHeapMegabytes(defaultHeap)));
        return (int) Math.max(1, Math.min(Math.min(cpus, assignments), fit));
    }

    /** {@code limits} with the heap this container allows. */
    Limits apply(Limits limits) {
        return new Limits(limits.perTest(), limits.perSubmission(), testHeapMegabytes(limits.heapMegabytes()),
            limits.outputBytes(), limits.threads(), limits.maxJvmStarts());
    }
}
