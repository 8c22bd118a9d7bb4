package org.scorelab.autograd;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Runs ND4J's native operations (its OpenMP loops and OpenBLAS's matrix products) on one thread, whatever
 * {@code OMP_NUM_THREADS} says.
 *
 * <p>Why: the kit's arrays are small ([128, 64] to [10000, 64]). Measured on the 2-core course machine
 * (docs/performance.md): with two OpenMP threads every workload of the speed table ran 1.7 to 3.6 times slower than
 * with one (waking a second thread for each small operation costs more than it saves); with element-wise work on one
 * thread and products on two, annealed Langevin was still 19% slower and no workload reliably faster, although a lone
 * [10000, 64] x [64, 64] product takes half the time on two threads. So one thread each: never slower than one, and
 * it lets a grader run two submissions side by side on two cores.
 */
final class NativeThreads {
    private NativeThreads() {
    }

    static void configure() {
        // Environment.setMaxThreads is a no-op in libnd4j 1.0.0-M2.1 (maxThreads() stays at OMP_NUM_THREADS or the
        // core count): the OpenMP runtime's own limit is what its loops read.
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
    }
}
