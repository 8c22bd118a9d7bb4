package org.scorelab.nn;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.scorelab.autograd.FusedMlp;
import org.scorelab.autograd.Tensor;

/**
 * Element-wise activations, as parameter-free modules. All are twice differentiable (ELU away from 0), which
 * score matching needs: its loss contains grad_x f, and training differentiates that again.
 */
public enum Activation implements Module {
    ELU(Tensor::elu, FusedMlp.Phi.ELU),
    TANH(Tensor::tanh, FusedMlp.Phi.TANH),
    SILU(Tensor::silu, FusedMlp.Phi.SILU),
    SOFTPLUS(Tensor::softplus, FusedMlp.Phi.SOFTPLUS),
    SIGMOID(Tensor::sigmoid, FusedMlp.Phi.SIGMOID);

    private final UnaryOperator<Tensor> function;
    private final FusedMlp.Phi phi;

    Activation(UnaryOperator<Tensor> function, FusedMlp.Phi phi) {
        this.function = function;
        this.phi = phi;
    }

    /** The same function inside a fused MLP node ({@link Sequential}). */
    FusedMlp.Phi phi() {
        return phi;
    }

    @Override
    public Tensor forward(Tensor input) {
        return function.apply(input);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return Map.of();
    }
}
