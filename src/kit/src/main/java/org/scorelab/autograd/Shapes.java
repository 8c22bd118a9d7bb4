package org.scorelab.autograd;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Shape operations: slicing, concatenation, reshape, transpose, broadcasting and its adjoint. */
final class Shapes {
    private Shapes() {
    }

    /** NumPy's broadcast result shape, or an error naming the operation and both shapes. */
    static long[] broadcastShape(Tensor a, Tensor b, String op) {
        long[] x = a.shape();
        long[] y = b.shape();
        if (Arrays.equals(x, y)) {
            return x;
        }
        int rank = Math.max(x.length, y.length);
        for (int i = 1; i <= rank; i++) {
            long dx = i <= x.length ? x[x.length - i] : 1;
            long dy = i <= y.length ? y[y.length - i] : 1;
            if (dx != dy && dx != 1 && dy != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(x) + " and "
                    + Arrays.toString(y) + " do not broadcast");
            }
        }
        return Shape.broadcastOutputShape(x, y);
    }

    /** {@code v} repeated to {@code shape} when it is smaller, else {@code v} itself. */
    static INDArray expand(INDArray v, long[] shape) {
        if (Arrays.equals(v.shape(), shape)) {
            return v;
        }
        if (v.rank() < shape.length) {
            long[] padded = new long[shape.length];
            Arrays.fill(padded, 1);
            System.arraycopy(v.shape(), 0, padded, shape.length - v.rank(), v.rank());
            v = v.reshape(padded);
        }
        return v.broadcast(shape);
    }

    static Tensor broadcastTo(Tensor x, long[] shape) {
        if (Arrays.equals(x.shape(), shape)) {
            return x;
        }
        long[] from = x.shape();
        INDArray value = x.value().length() == 1
            ? Nd4j.valueArrayOf(shape, x.value().getDouble(0))
            : expand(x.value(), shape).dup();
        return Tensor.record("broadcastTo", value, (g, out, needed) -> new Tensor[] {g.sumTo(from)}, x);
    }

    /** Sums over the axes along which {@code shape} was broadcast to {@code x}'s shape. */
    static Tensor sumTo(Tensor x, long[] shape) {
        long[] from = x.shape();
        if (Arrays.equals(from, shape)) {
            return x;
        }
        INDArray value;
        if (shape.length == 0 || Arrays.stream(shape).reduce(1, (p, q) -> p * q) == 1) {
            value = Nd4j.valueArrayOf(shape, x.value().sumNumber().doubleValue());
        } else {
            int lead = from.length - shape.length;
            int[] axes = java.util.stream.IntStream.range(0, from.length)
                .filter(i -> i < lead || (shape[i - lead] == 1 && from[i] != 1)).toArray();
            value = x.value().sum(true, axes).reshape(shape);
        }
        return Tensor.record("sumTo", value, (g, out, needed) -> new Tensor[] {g.broadcastTo(from)}, x);
    }

    static Tensor slice(Tensor x, int axis, int from, int to) {
        long size = x.size(axis);
        if (from < 0 || to > size || from >= to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") along axis " + axis
                + " is empty or out of range for shape " + Arrays.toString(x.shape()));
        }
        INDArray value = x.value().get(indices(x.rank(), axis, from, to)).dup('c');
        long[] full = x.shape();
        return Tensor.record("slice", value, (g, out, needed) -> new Tensor[] {embed(g, full, axis, from)}, x);
    }

    /** The adjoint of slicing: {@code g} placed at offset {@code from} along {@code axis} of zeros of shape {@code full}. */
    static Tensor embed(Tensor g, long[] full, int axis, int from) {
        int to = from + (int) g.size(axis);
        INDArray value = Nd4j.zeros(full);
        value.get(indices(full.length, axis, from, to)).assign(g.value());
        return Tensor.record("embed", value, (gg, out, needed) -> new Tensor[] {slice(gg, axis, from, to)}, g);
    }

    static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat needs at least one tensor");
        }
        INDArray[] values = Arrays.stream(parts).map(Tensor::value).toArray(INDArray[]::new);
        INDArray value = Nd4j.concat(axis, values);
        int[] offsets = new int[parts.length + 1];
        for (int i = 0; i < parts.length; i++) {
            offsets[i + 1] = offsets[i] + (int) parts[i].size(axis);
        }
        return Tensor.record("concat", value, (g, out, needed) -> {
            Tensor[] grads = new Tensor[parts.length];
            for (int i = 0; i < parts.length; i++) {
                grads[i] = needed[i] ? slice(g, axis, offsets[i], offsets[i + 1]) : null;
            }
            return grads;
        }, parts);
    }

    static Tensor reshape(Tensor x, long[] shape) {
        long[] from = x.shape();
        long length = Arrays.stream(shape).reduce(1, (p, q) -> p * q);
        if (length != x.value().length()) {
            throw new IllegalArgumentException("reshape: cannot view " + Arrays.toString(from) + " ("
                + x.value().length() + " elements) as " + Arrays.toString(shape));
        }
        INDArray value = x.value().dup('c').reshape('c', shape);
        return Tensor.record("reshape", value, (g, out, needed) -> new Tensor[] {g.reshape(from)}, x);
    }

    static Tensor transpose(Tensor x) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("transpose needs a rank-2 tensor, shape is " + Arrays.toString(x.shape()));
        }
        return Tensor.record("transpose", x.value().transpose().dup('c'),
            (g, out, needed) -> new Tensor[] {g.transpose()}, x);
    }

    private static INDArrayIndex[] indices(int rank, int axis, int from, int to) {
        INDArrayIndex[] idx = new INDArrayIndex[rank];
        Arrays.fill(idx, NDArrayIndex.all());
        idx[axis] = NDArrayIndex.interval(from, to);
        return idx;
    }
}
