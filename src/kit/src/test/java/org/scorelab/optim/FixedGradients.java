package org.scorelab.optim;

import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;

/** Test helpers: gives a parameter a chosen gradient and reads parameters back as plain doubles. */
final class FixedGradients {
    private FixedGradients() {
    }

    /** Sets {@code p.grad()} to {@code g} (row-major, p's shape) by back-propagating {@code sum(p * g)}. */
    static void feed(Tensor p, double... g) {
        p.zeroGrad();
        p.mul(Tensor.constant(Nd4j.createFromArray(g).reshape(p.shape()))).sum().backward();
    }

    /** A parameter of shape [values.length] holding {@code values}. */
    static Tensor parameter(double... values) {
        return Tensor.variable(Nd4j.createFromArray(values.clone()));
    }

    static double[] values(Tensor p) {
        return p.value().dup().data().asDouble();
    }
}
