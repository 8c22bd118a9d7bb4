package org.scorelab.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.random.Rng;

/**
 * Checks an operation's first and second derivatives against central finite differences.
 *
 * <p>For inputs x_1..x_k and an operation F, the check reduces F to a scalar with fixed random weights W,
 * L(x) = sum(F(x) * W), and compares:
 * <ul>
 *   <li>first order: autograd's dL/dx_j against finite differences of L;</li>
 *   <li>second order: the Hessian-vector product d/dx_j sum_i <dL/dx_i, V_i>, differentiating the gradient
 *   recorded with createGraph, against finite differences of that inner product computed from plain gradients.</li>
 * </ul>
 * Tolerance: |autograd - fd| <= 1e-6 (1 + |fd|) for first, 1e-5 (1 + |fd|) for second order; the finite
 * difference error is about 1e-10 (first) and 1e-9 (second) for the O(1) inputs used here.
 */
final class DerivativeCheck {
    private final Function<Tensor[], Tensor> operation;
    private final INDArray[] inputs;
    private final INDArray weights;
    private final INDArray[] directions;

    DerivativeCheck(Function<Tensor[], Tensor> operation, Rng rng, INDArray... inputs) {
        this.operation = operation;
        this.inputs = inputs;
        Tensor[] constants = Arrays.stream(inputs).map(Tensor::constant).toArray(Tensor[]::new);
        this.weights = rng.normal(operation.apply(constants).shape());
        this.directions = Arrays.stream(inputs).map(x -> rng.normal(x.shape())).toArray(INDArray[]::new);
    }

    private Tensor[] variables(INDArray[] values) {
        return Arrays.stream(values).map(v -> Tensor.variable(v.dup())).toArray(Tensor[]::new);
    }

    private Tensor scalarLoss(Tensor[] xs) {
        return operation.apply(xs).mul(Tensor.constant(weights)).sum();
    }

    private double lossAt(INDArray[] values) {
        return Autograd.noGrad(() -> scalarLoss(variables(values)).item());
    }

    /** sum_i <dL/dx_i, V_i>, from plain (not recorded) gradients. */
    private double directionalGradient(INDArray[] values) {
        Tensor[] xs = variables(values);
        Tensor[] g = Autograd.grad(new Tensor[] {scalarLoss(xs)}, xs, null, false, true);
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            s += g[i].value().mul(directions[i]).sumNumber().doubleValue();
        }
        return s;
    }

    void firstOrder() {
        Tensor[] xs = variables(inputs);
        Tensor[] grads = Autograd.grad(new Tensor[] {scalarLoss(xs)}, xs, null, false, true);
        for (int j = 0; j < inputs.length; j++) {
            int k = j;
            INDArray numeric = FiniteDifferences.gradient(x -> lossAt(replace(inputs, k, x)), inputs[j], FiniteDifferences.DEFAULT_STEP);
            assertClose("first derivative w.r.t. input " + j, grads[j].value(), numeric, 1e-6);
        }
    }

    void secondOrder() {
        Tensor[] xs = variables(inputs);
        Tensor[] grads = Autograd.grad(new Tensor[] {scalarLoss(xs)}, xs, null, true, true);
        Tensor inner = Tensor.constant(0.0);
        for (int i = 0; i < grads.length; i++) {
            inner = inner.add(grads[i].mul(Tensor.constant(directions[i])).sum());
        }
        if (!inner.requiresGrad()) {
            // The gradient does not depend on the inputs (a linear operation): the Hessian is zero.
            for (int j = 0; j < inputs.length; j++) {
                int k = j;
                INDArray numeric = FiniteDifferences.gradient(x -> directionalGradient(replace(inputs, k, x)), inputs[j], 1e-4);
                assertClose("second derivative (linear op) w.r.t. input " + j, Nd4j.zeros(inputs[j].shape()), numeric, 1e-5);
            }
            return;
        }
        Tensor[] hvp = Autograd.grad(new Tensor[] {inner}, xs, null, false, true);
        for (int j = 0; j < inputs.length; j++) {
            int k = j;
            INDArray numeric = FiniteDifferences.gradient(x -> directionalGradient(replace(inputs, k, x)), inputs[j], 1e-4);
            assertClose("Hessian-vector product w.r.t. input " + j, hvp[j].value(), numeric, 1e-5);
        }
    }

    private static INDArray[] replace(INDArray[] values, int j, INDArray x) {
        INDArray[] copy = values.clone();
        copy[j] = x;
        return copy;
    }

    private static void assertClose(String what, INDArray autograd, INDArray numeric, double tolerance) {
        assertThat(autograd.shape()).as(what + ": shape").containsExactly(numeric.shape());
        double[] a = autograd.dup('c').data().asDouble();
        double[] n = numeric.dup('c').data().asDouble();
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs(a[i] - n[i]))
                .as("%s, element %d: autograd %.12g, finite differences %.12g", what, i, a[i], n[i])
                .isLessThanOrEqualTo(tolerance * (1 + Math.abs(n[i])));
        }
    }
}
