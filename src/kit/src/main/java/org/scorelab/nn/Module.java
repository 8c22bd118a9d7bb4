package org.scorelab.nn;

import java.util.List;
import java.util.Map;
import org.scorelab.autograd.Tensor;

/** A differentiable function with learnable parameters (torch.nn.Module). */
public interface Module {
    /** Applies the module to a batch, shape [n, inputs] -> [n, outputs]. */
    Tensor forward(Tensor input);

    /** The learnable parameters with PyTorch's {@code state_dict} names ("0.weight", "0.bias", ...), in order. */
    Map<String, Tensor> namedParameters();

    /** The learnable parameters, in the order of {@link #namedParameters()}. */
    default List<Tensor> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /** The number of learnable scalars. */
    default long parameterCount() {
        return namedParameters().values().stream().mapToLong(p -> p.value().length()).sum();
    }
}
