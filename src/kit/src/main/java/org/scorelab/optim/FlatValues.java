package org.scorelab.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A parameter's values as a Java array in row-major order, and back. The optimizers update parameters element by
 * element in Java: a parameter has a few thousand numbers, so one ND4J operation per term of the update (eleven for
 * Adam, each ~17 us of dispatch on the course machine) cost more than the arithmetic itself (see docs/performance.md).
 */
final class FlatValues {
    private FlatValues() {
    }

    /** The values of {@code a} in row-major order, a copy. */
    static double[] read(INDArray a) {
        INDArray c = rowMajorContiguous(a) ? a : a.dup('c');
        return c.data().getDoublesAt(c.offset(), (int) c.length());
    }

    /** Writes row-major {@code values} into {@code a}, in place. */
    static void write(double[] values, INDArray a) {
        if (rowMajorContiguous(a) && a.offset() == 0 && a.data().length() == values.length) {
            a.data().setData(values);
        } else {
            a.assign(Nd4j.createFromArray(values).reshape('c', a.shape()));
        }
    }

    private static boolean rowMajorContiguous(INDArray a) {
        return a.rank() <= 1 || a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a);
    }
}
