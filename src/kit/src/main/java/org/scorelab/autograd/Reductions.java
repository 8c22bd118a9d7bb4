package org.scorelab.autograd;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Sums over all elements or one axis; their gradients broadcast back. */
final class Reductions {
    private Reductions() {
    }

    static Tensor sumAll(Tensor x) {
        INDArray value = Nd4j.scalar(x.value().sumNumber().doubleValue());
        return Tensor.record("sum", value, (g, out, needed) -> new Tensor[] {g.broadcastTo(x.shape())}, x);
    }

    static Tensor sum(Tensor x, int axis, boolean keepDim) {
        int rank = x.rank();
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException("sum: axis " + axis + " is out of range for a tensor of rank " + rank);
        }
        int a = axis < 0 ? axis + rank : axis;
        long[] kept = x.shape().clone();
        kept[a] = 1;
        INDArray summed = x.value().sum(true, a);
        INDArray value = keepDim ? summed : summed.reshape(removeAxis(kept, a));
        return Tensor.record("sum(axis)", value,
            (g, out, needed) -> new Tensor[] {g.reshape(kept).broadcastTo(x.shape())}, x);
    }

    private static long[] removeAxis(long[] shape, int axis) {
        long[] out = new long[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                out[j++] = shape[i];
            }
        }
        return out;
    }
}
