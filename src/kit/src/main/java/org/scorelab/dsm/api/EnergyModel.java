package org.scorelab.dsm.api;

import java.util.List;
import org.scorelab.autograd.Tensor;

/**
 * Task 3.2: a noise-conditional energy f(x, sigma): R^3 -> R. The model density is p(x) ~ exp(-f(x, sigma)), so
 * LOW energy means HIGH density and the score is -grad_x f.
 */
public interface EnergyModel {
    /**
     * @param x points, shape [n, 2]
     * @param sigma the noise level of each point, shape [n, 1]
     * @return energies, shape [n, 1]
     */
    Tensor energy(Tensor x, Tensor sigma);

    /** The learnable parameters (empty for a fixed, analytic energy). */
    List<Tensor> parameters();

    /** The number of learnable scalars. */
    long parameterCount();
}
