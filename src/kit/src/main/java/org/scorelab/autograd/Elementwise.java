package org.scorelab.autograd;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Element-wise functions. Each derivative is written as tensor operations on the input or the output, so the
 * recorded backward pass can itself be differentiated.
 */
final class Elementwise {
    private Elementwise() {
    }

    /** d x^p = p x^(p-1). */
    static Tensor pow(Tensor x, double p) {
        if (p == 2.0) {
            return square(x);
        }
        return Tensor.record("pow", Transforms.pow(x.value(), p, true),
            (g, out, needed) -> new Tensor[] {g.mul(x.pow(p - 1).mul(p))}, x);
    }

    static Tensor square(Tensor x) {
        return Tensor.record("square", x.value().mul(x.value()),
            (g, out, needed) -> new Tensor[] {g.mul(x).mul(2.0)}, x);
    }

    /** d sqrt(x) = 1 / (2 sqrt(x)). */
    static Tensor sqrt(Tensor x) {
        return Tensor.record("sqrt", Transforms.sqrt(x.value(), true),
            (g, out, needed) -> new Tensor[] {g.div(out).mul(0.5)}, x);
    }

    static Tensor exp(Tensor x) {
        return Tensor.record("exp", Transforms.exp(x.value(), true),
            (g, out, needed) -> new Tensor[] {g.mul(out)}, x);
    }

    static Tensor log(Tensor x) {
        return Tensor.record("log", Transforms.log(x.value(), true),
            (g, out, needed) -> new Tensor[] {g.div(x)}, x);
    }

    /** d tanh = 1 - tanh^2. */
    static Tensor tanh(Tensor x) {
        return Tensor.record("tanh", Transforms.tanh(x.value(), true),
            (g, out, needed) -> new Tensor[] {g.mul(out.square().neg().add(1.0))}, x);
    }

    /** d sigmoid = sigmoid (1 - sigmoid). */
    static Tensor sigmoid(Tensor x) {
        return Tensor.record("sigmoid", Transforms.sigmoid(x.value(), true),
            (g, out, needed) -> new Tensor[] {g.mul(out.mul(out.neg().add(1.0)))}, x);
    }

    /**
     * softplus(x) = max(x, 0) + log1p(exp(-|x|)): the textbook log(1 + e^x) overflows for x above ~709 and loses
     * every digit below ~-37; this form is exact to rounding everywhere. d softplus = sigmoid.
     */
    static Tensor softplus(Tensor x) {
        INDArray v = x.value();
        INDArray value = Transforms.relu(v, true).addi(Transforms.log1p(Transforms.exp(Transforms.abs(v, true).negi(), false), false));
        return Tensor.record("softplus", value, (g, out, needed) -> new Tensor[] {g.mul(x.sigmoid())}, x);
    }

    /** elu(x) = x for x > 0, e^x - 1 otherwise; elu'(x) = e^min(x, 0). */
    static Tensor elu(Tensor x) {
        return Tensor.record("elu", Transforms.elu(x.value(), true),
            (g, out, needed) -> new Tensor[] {g.mul(eluPrime(x))}, x);
    }

    /** elu'(x) = e^min(x, 0); its derivative is e^x [x < 0]. */
    static Tensor eluPrime(Tensor x) {
        INDArray value = Transforms.exp(Transforms.min(x.value(), 0.0, true), false);
        return Tensor.record("eluPrime", value, (g, out, needed) -> new Tensor[] {g.mul(eluCurvature(x))}, x);
    }

    /** elu''(x) = e^x [x < 0], which is its own derivative away from 0. */
    static Tensor eluCurvature(Tensor x) {
        INDArray v = x.value();
        INDArray value = Transforms.exp(Transforms.min(v, 0.0, true), false).muli(v.lt(0.0).castTo(DataType.DOUBLE));
        return Tensor.record("eluCurvature", value, (g, out, needed) -> new Tensor[] {g.mul(eluCurvature(x))}, x);
    }
}
