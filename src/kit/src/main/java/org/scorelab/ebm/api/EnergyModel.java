package org.scorelab.ebm.api;

import java.util.List;
import org.scorelab.autograd.Tensor;

/**
 * An energy f(x): R^2 -> R. The model density is p(x) = exp(-f(x)) / z, so LOW energy means HIGH density and the
 * score is grad_x log p = -grad_x f.
 */
public interface EnergyModel {
    /**
     * @param x points, shape [n, 2]
     * @return f(x), shape [n, 1], differentiable with respect to x and to the parameters
     */
    Tensor energy(Tensor x);

    /** The learnable parameters (empty for a fixed energy). */
    List<Tensor> parameters();

    /** The number of learnable scalars. */
    default long parameterCount() {
        return parameters().stream().mapToLong(p -> p.value().length()).sum();
    }
}
