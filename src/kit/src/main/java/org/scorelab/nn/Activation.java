package org.scorelab.nn;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.scorelab.autograd.Tensor;

/**
 * Element-wise activations, as parameter-free modules. All are twice differentiable (ELU away from 0), which
 * score matching needs: its loss contains grad_x f, and training differentiates that again.
 */
public enum Activation implements Module {
    ELU(Tensor::elu),
    TANH(Tensor::tanh),
    SILU(Tensor::silu),
    SOFTPLUS(Tensor::softplus),
    SIGMOID(Tensor::sigmoid);

    private final UnaryOperator<Tensor> function;

    Activation(UnaryOperator<Tensor> function) {
        this.function = function;
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
