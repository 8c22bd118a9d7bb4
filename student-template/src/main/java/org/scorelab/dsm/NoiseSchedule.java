package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.dsm.api.Perturbation;
import org.scorelab.random.Rng;

/**
 * Task 3.1: the noise levels and the perturbation x~ = x + sigma z.
 *
 * <p>TODO Task 3.1: state your sigma_1, sigma_L and L here, with the reasons for them (they also go in your report).
 */
public final class NoiseSchedule implements Perturbation {

    /**
     * TODO Task 3.1: choose sigma_1 (p_sigma_1 should be close to the data), sigma_L (p_sigma_L should be one broad
     * bump) and L, and return the geometric levels, smallest first: {@link org.scorelab.noise.NoiseLevels#geometric}.
     */
    @Override
    public double[] noiseLevels() {
        throw new NotImplemented("3.1");
    }

    /**
     * TODO Task 3.1: x~ = x + sigma z, with z ~ N(0, I) drawn from {@code rng} afresh for every point, and each point
     * scaled by its own sigma. Do not modify x.
     *
     * @param x points, shape [n, 2]
     * @param sigmas each point's noise level, shape [n, 1]
     * @return shape [n, 2]
     */
    @Override
    public INDArray perturb(INDArray x, INDArray sigmas, Rng rng) {
        throw new NotImplemented("3.1");
    }
}
