package org.scorelab.autograd;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * C = op(A) op(B) with op the identity or the transpose, through BLAS gemm into a column-major result:
 * measured on the course machine, {@code INDArray.mmul} on row-major arrays is ~15x slower for [10000, 64] x [64, 64].
 * The backward pass is again gemm with other transpose flags, so products differentiate to any order.
 */
final class MatMul {
    private MatMul() {
    }

    static Tensor gemm(Tensor a, Tensor b, boolean transA, boolean transB) {
        if (a.rank() != 2 || b.rank() != 2) {
            throw new IllegalArgumentException("matmul needs two rank-2 tensors, shapes are "
                + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()));
        }
        long rows = transA ? a.size(1) : a.size(0);
        long inner = transA ? a.size(0) : a.size(1);
        long innerB = transB ? b.size(1) : b.size(0);
        long cols = transB ? b.size(0) : b.size(1);
        if (inner != innerB) {
            throw new IllegalArgumentException("matmul: inner dimensions differ, " + describe(a, transA) + " x " + describe(b, transB));
        }
        INDArray out = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {rows, cols}, 'f');
        Gemm.into(a.value(), b.value(), out, transA, transB, 1.0, 0.0);
        return Tensor.record("matmul", out, (g, result, needed) -> new Tensor[] {
            needed[0] ? (transA ? gemm(b, g, transB, true) : gemm(g, b, false, !transB)) : null,
            needed[1] ? (transB ? gemm(g, a, true, transA) : gemm(a, g, !transA, false)) : null}, a, b);
    }

    private static String describe(Tensor t, boolean transposed) {
        return Arrays.toString(t.shape()) + (transposed ? "^T" : "");
    }
}
