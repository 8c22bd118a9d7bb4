package org.scorelab.autograd;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Broadcasting add, sub, mul, div and their scalar forms. The gradient of a broadcast input is summed back to its shape. */
final class Arithmetic {
    private Arithmetic() {
    }

    static Tensor add(Tensor a, Tensor b) {
        long[] shape = Shapes.broadcastShape(a, b, "add");
        INDArray value = Shapes.expand(a.value(), shape).add(b.value());
        return Tensor.record("add", value, (g, out, needed) -> new Tensor[] {
            needed[0] ? g.sumTo(a.shape()) : null,
            needed[1] ? g.sumTo(b.shape()) : null}, a, b);
    }

    static Tensor sub(Tensor a, Tensor b) {
        long[] shape = Shapes.broadcastShape(a, b, "sub");
        INDArray value = Shapes.expand(a.value(), shape).sub(b.value());
        return Tensor.record("sub", value, (g, out, needed) -> new Tensor[] {
            needed[0] ? g.sumTo(a.shape()) : null,
            needed[1] ? g.neg().sumTo(b.shape()) : null}, a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        long[] shape = Shapes.broadcastShape(a, b, "mul");
        INDArray value = Shapes.expand(a.value(), shape).mul(b.value());
        return Tensor.record("mul", value, (g, out, needed) -> new Tensor[] {
            needed[0] ? g.mul(b).sumTo(a.shape()) : null,
            needed[1] ? g.mul(a).sumTo(b.shape()) : null}, a, b);
    }

    /** d(a/b)/da = 1/b, d(a/b)/db = -a/b^2. */
    static Tensor div(Tensor a, Tensor b) {
        long[] shape = Shapes.broadcastShape(a, b, "div");
        INDArray value = Shapes.expand(a.value(), shape).div(b.value());
        return Tensor.record("div", value, (g, out, needed) -> new Tensor[] {
            needed[0] ? g.div(b).sumTo(a.shape()) : null,
            needed[1] ? g.mul(out).div(b).neg().sumTo(b.shape()) : null}, a, b);
    }

    static Tensor addScalar(Tensor a, double c) {
        return Tensor.record("addScalar", Double.isFinite(c) ? a.value().add(c) : a.value().add(filled(a, c)), (g, out, needed) -> new Tensor[] {g}, a);
    }

    static Tensor mulScalar(Tensor a, double c) {
        return Tensor.record("mulScalar", Double.isFinite(c) ? a.value().mul(c) : a.value().mul(filled(a, c)), (g, out, needed) -> new Tensor[] {g.mul(c)}, a);
    }

    /**
     * {@code c} repeated to {@code a}'s shape. ND4J 1.0.0-M2.1 mishandles non-finite scalar operands
     * ({@code mul(NaN)} multiplies by 1e-5, {@code add(NaN)} adds nothing), so a NaN or infinite constant goes
     * through an element-wise operation instead, where IEEE rules hold.
     */
    private static INDArray filled(Tensor a, double c) {
        return Nd4j.valueArrayOf(a.shape(), c);
    }
}
