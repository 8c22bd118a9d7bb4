package org.scorelab.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scorelab.random.Rng;

/**
 * {@link Gemm} (one direct {@code cblas_dgemm}) against {@code Nd4j.gemm} (libnd4j's matrix-product operation, which
 * calls the same BLAS): the same product to the bit, for every layout the kit's arrays come in (row-major,
 * column-major, views with an offset and a stride, transposed views, vectors), both transpose flags, beta 0 over
 * uninitialised memory and beta 1, and the layout that goes to {@code Nd4j.gemm} (a row-major result).
 */
class GemmProperties {
    enum Layout { ROW_MAJOR, COLUMN_MAJOR, VIEW_WITH_OFFSET, TRANSPOSED_VIEW }

    @Property(tries = 400, seed = "20261206")
    void aProductEqualsNd4jsToTheBit(@ForAll @IntRange(min = 1, max = 70) int m, @ForAll @IntRange(min = 1, max = 70) int n,
                                     @ForAll("inner") int k, @ForAll boolean transA, @ForAll boolean transB,
                                     @ForAll Layout layoutA, @ForAll Layout layoutB, @ForAll boolean accumulate,
                                     @ForAll boolean rowMajorResult, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Rng rng = new Rng(seed);
        INDArray a = matrix(transA ? k : m, transA ? m : k, layoutA, rng);
        INDArray b = matrix(transB ? n : k, transB ? k : n, layoutB, rng);
        INDArray start = rng.normal(m, n);
        INDArray expected = start.dup(rowMajorResult ? 'c' : 'f');
        INDArray actual = start.dup(rowMajorResult ? 'c' : 'f');
        double beta = accumulate ? 1.0 : 0.0;
        if (!accumulate) {
            // beta = 0 must not read C: uninitialised memory may hold NaN
            actual.assign(Double.NaN);
        }
        Nd4j.gemm(a, b, expected, transA, transB, 1.5, beta);
        Gemm.into(a, b, actual, transA, transB, 1.5, beta);
        assertThat(cells(actual)).containsExactly(cells(expected));
    }

    /** Inner dimensions: small, and sometimes a batch (where BLAS blocks the sum). */
    @Provide
    Arbitrary<Integer> inner() {
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 70)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(300, 1000, 2500)));
    }

    private static double[] cells(INDArray x) {
        return x.dup('c').data().asDouble();
    }

    private static INDArray matrix(int rows, int cols, Layout layout, Rng rng) {
        return switch (layout) {
            case ROW_MAJOR -> rng.normal(rows, cols).dup('c');
            case COLUMN_MAJOR -> rng.normal(rows, cols).dup('f');
            case VIEW_WITH_OFFSET -> rng.normal(rows + 3, cols + 2)
                .get(NDArrayIndex.interval(2, 2 + rows), NDArrayIndex.interval(1, 1 + cols));
            case TRANSPOSED_VIEW -> rng.normal(cols, rows).dup('c').transpose();
        };
    }
}
