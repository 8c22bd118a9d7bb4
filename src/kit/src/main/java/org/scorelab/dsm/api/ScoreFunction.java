package org.scorelab.dsm.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A score s(x, sigma) ~ grad_x log p_sigma(x): what Langevin sampling needs. */
@FunctionalInterface
public interface ScoreFunction {
    /**
     * @param x points, shape [n, 2]
     * @param sigma the noise level
     * @return the score at each point, shape [n, 2]
     */
    INDArray scoreOf(INDArray x, double sigma);
}
