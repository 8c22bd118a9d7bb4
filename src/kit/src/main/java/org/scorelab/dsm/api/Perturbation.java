package org.scorelab.dsm.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.random.Rng;

/** Task 3.1: the noise levels and the perturbation of the data. */
public interface Perturbation {
    /** The chosen levels sigma_1 < ... < sigma_L, geometric (see {@link org.scorelab.noise.NoiseLevels}). */
    double[] noiseLevels();

    /**
     * x~ = x + sigma z with z ~ N(0, I), a fresh z for each point.
     *
     * @param x points, shape [n, 2]
     * @param sigmas the noise level of each point, shape [n, 1]
     * @return perturbed points, shape [n, 2]
     */
    INDArray perturb(INDArray x, INDArray sigmas, Rng rng);
}
