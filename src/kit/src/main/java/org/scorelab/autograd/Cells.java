package org.scorelab.autograd;

import java.lang.ref.Reference;
import java.nio.DoubleBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused MLP's element-wise work in Java loops: its arrays are column-major [n, m] matrices, read and written
 * through direct views of ND4J's off-heap buffers (no copy). One ND4J operation costs ~17 us of dispatch on the
 * course machine, more than a Java loop over a [1000, 64] matrix (docs/performance.md).
 *
 * <p>Every loop does the arithmetic of the operation it replaces in the same order, so the results agree to the bit
 * (a product of two numbers, a sum of two, {@code min(y, 0) + 1}).
 *
 * <p>A buffer view does not keep its array alive, and ND4J frees an array's memory once the garbage collector finds
 * the array unreachable, so every loop keeps its arrays reachable to its end ({@link Reference#reachabilityFence}):
 * without that, a temporary operand was freed during a loop (seen as wrong second derivatives, now and then).
 */
final class Cells {
    private Cells() {
    }

    /** An uninitialised column-major matrix [rows, cols] (in the current scratch scope, if any). */
    static INDArray matrix(long rows, long cols) {
        return Nd4j.createUninitialized(DataType.DOUBLE, new long[] {rows, cols}, 'f');
    }

    /** {@code a} itself if it is a column-major matrix, else a column-major copy. */
    static INDArray columnMajor(INDArray a) {
        return isColumnMajor(a) ? a : a.dup('f');
    }

    /** The cells of column-major {@code a} (see {@link #columnMajor}), from {@code a}'s first cell: cell (i, j) at i + j n. */
    static DoubleBuffer cells(INDArray a) {
        DoubleBuffer all = a.data().asNioDouble();
        return a.offset() == 0 ? all : all.position((int) a.offset()).slice();
    }

    private static boolean isColumnMajor(INDArray a) {
        if (a.rank() != 2 || a.dataType() != DataType.DOUBLE) {
            return false;
        }
        long rows = a.size(0);
        long cols = a.size(1);
        return (rows == 1 || a.stride(0) == 1) && (cols == 1 || a.stride(1) == rows);
    }

    /** A row-major copy of column-major {@code a} [n, m], by a Java loop (no ND4J operation). */
    static INDArray rowMajor(INDArray a) {
        int n = (int) a.size(0);
        int m = (int) a.size(1);
        INDArray out = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {n, m}, 'c');
        DoubleBuffer from = cells(a);
        DoubleBuffer to = out.data().asNioDouble();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                to.put(i * m + j, from.get(i + j * n));
            }
        }
        Reference.reachabilityFence(a);
        return out;
    }

    /** z (i, j) += b_j for column-major z [n, m] and b [m] (a Linear layer's bias, in place). */
    static void addBias(INDArray z, INDArray b) {
        double[] bias = b.rank() == 1 && (b.length() == 1 || b.stride(0) == 1)
            ? b.data().getDoublesAt(b.offset(), (int) b.length()) : b.toDoubleVector();
        DoubleBuffer c = cells(z);
        int n = (int) z.size(0);
        for (int j = 0; j < bias.length; j++) {
            for (int i = 0, k = j * n; i < n; i++, k++) {
                c.put(k, c.get(k) + bias[j]);
            }
        }
        Reference.reachabilityFence(z);
    }

    /** The sums of the columns of {@code a} [n, m], shape [m], each summed in row order. */
    static INDArray columnSums(INDArray a) {
        INDArray f = columnMajor(a);
        DoubleBuffer c = cells(f);
        int n = (int) f.size(0);
        double[] sums = new double[(int) f.size(1)];
        for (int j = 0; j < sums.length; j++) {
            double s = 0;
            for (int i = 0, k = j * n; i < n; i++, k++) {
                s += c.get(k);
            }
            sums[j] = s;
        }
        Reference.reachabilityFence(f);
        return Nd4j.createFromArray(sums);
    }

    /** The element-wise product a * b, a new column-major matrix. */
    static INDArray times(INDArray a, INDArray b) {
        INDArray out = matrix(b.size(0), b.size(1));
        INDArray fa = columnMajor(a);
        INDArray fb = columnMajor(b);
        DoubleBuffer x = cells(fa);
        DoubleBuffer y = cells(fb);
        DoubleBuffer o = cells(out);
        for (int k = 0, len = (int) out.length(); k < len; k++) {
            o.put(k, x.get(k) * y.get(k));
        }
        Reference.reachabilityFence(fa);
        Reference.reachabilityFence(fb);
        return out;
    }

    /** a += b element-wise, in place, for column-major {@code a} of the fused pass's own and {@code b} of the same shape. */
    static void addInPlace(INDArray a, INDArray b) {
        INDArray fb = columnMajor(b);
        DoubleBuffer x = cells(a);
        DoubleBuffer y = cells(fb);
        for (int i = 0, len = (int) a.length(); i < len; i++) {
            x.put(i, x.get(i) + y.get(i));
        }
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(fb);
    }
}
