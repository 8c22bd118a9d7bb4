package org.scorelab.ebm.api;

import java.util.List;
import org.scorelab.autograd.Tensor;

/**
 * The sheet's "energy gradient model": a map s(x): R^2 -> R^2 that models the SCORE grad_x log p(x) directly, so
 * s = -grad_x f for the energy f it stands for. Sign convention: s points towards higher density (uphill in log p,
 * downhill in energy).
 */
public interface ScoreModel {
    /**
     * @param x points, shape [n, 2]
     * @return s(x), shape [n, 2], differentiable with respect to x and to the parameters
     */
    Tensor score(Tensor x);

    /** The learnable parameters. */
    List<Tensor> parameters();

    /** The number of learnable scalars. */
    default long parameterCount() {
        return parameters().stream().mapToLong(p -> p.value().length()).sum();
    }
}
