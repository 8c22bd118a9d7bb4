package org.scorelab.autograd;

import java.lang.ref.Reference;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * C = alpha op(A) op(B) + beta C (op the identity or the transpose) by one call of the OpenBLAS that ND4J loads,
 * {@code cblas_dgemm}, as ND4J's own BLAS wrapper calls it ({@code CpuLevel3.dgemm}).
 *
 * <p>Why not {@code Nd4j.gemm}: in ND4J 1.0.0-M2.1 it runs libnd4j's matrix-product operation, whose dispatch (an op
 * context, shape buffers, argument pointers) took about half of the kit's DSM step at batch 128, where the product
 * itself is ~13 us (JFR, docs/performance.md). The BLAS call is the same arithmetic. Arrays OpenBLAS cannot take as
 * they are (not float64, not rank 2, no unit stride in either dimension, an empty dimension, a result that is not
 * column-major) go to {@code Nd4j.gemm}, which copies what it must.
 */
final class Gemm {
    private static final int COLUMN_MAJOR = 102;
    private static final int NO_TRANSPOSE = 111;
    private static final int TRANSPOSE = 112;

    /** Products and multiply-adds so far (for the benchmark's counts; not synchronised, so approximate across threads). */
    static long calls;
    static long multiplyAdds;

    private Gemm() {
    }

    /** A matrix as column-major BLAS reads it: where it starts, its leading dimension, and whether BLAS must transpose it. */
    private record Operand(DoublePointer start, int leading, boolean transposed) {
    }

    /** C = alpha op(A) op(B) + beta C; with beta = 0, C's old values (uninitialised memory included) are not read. */
    static void into(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        long m = c.rank() == 2 ? c.size(0) : 0;
        long n = c.rank() == 2 ? c.size(1) : 0;
        long k = a.rank() == 2 ? (transA ? a.size(0) : a.size(1)) : 0;
        calls++;
        multiplyAdds += m * n * k;
        Operand opA = operand(a, transA);
        Operand opB = operand(b, transB);
        Operand opC = operand(c, false);
        if (m == 0 || n == 0 || k == 0 || opA == null || opB == null || opC == null || opC.transposed()
                || m > Integer.MAX_VALUE || n > Integer.MAX_VALUE || k > Integer.MAX_VALUE) {
            Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
            return;
        }
        openblas_nolapack.cblas_dgemm(COLUMN_MAJOR, opA.transposed() ? TRANSPOSE : NO_TRANSPOSE,
            opB.transposed() ? TRANSPOSE : NO_TRANSPOSE, (int) m, (int) n, (int) k,
            alpha, opA.start(), opA.leading(), opB.start(), opB.leading(), beta, opC.start(), opC.leading());
        // the pointers do not keep the arrays alive, and ND4J frees an unreachable array's memory
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(b);
        Reference.reachabilityFence(c);
    }

    /**
     * {@code x} [r, s] as a column-major operand: column-major with leading dimension stride(1), or row-major read as
     * its transpose (a column-major [s, r] with leading dimension stride(0)). A dimension of size 1 has any stride.
     * Null if neither layout fits.
     */
    private static Operand operand(INDArray x, boolean transposed) {
        if (x.rank() != 2 || x.dataType() != DataType.DOUBLE || x.isEmpty()) {
            return null;
        }
        long r = x.size(0);
        long s = x.size(1);
        long leading;
        boolean flip;
        if (r == 1 || x.stride(0) == 1) {
            leading = s == 1 ? Math.max(1, r) : x.stride(1);
            flip = false;
            if (leading < Math.max(1, r)) {
                return null;
            }
        } else if (s == 1 || x.stride(1) == 1) {
            leading = r == 1 ? Math.max(1, s) : x.stride(0);
            flip = true;
            if (leading < Math.max(1, s)) {
                return null;
            }
        } else {
            return null;
        }
        if (leading > Integer.MAX_VALUE) {
            return null;
        }
        // a view's buffer starts at the view's offset (INDArray.offset() is its buffer's offset), so this is (0, 0)
        return new Operand((DoublePointer) x.data().addressPointer(), (int) leading, transposed ^ flip);
    }
}
