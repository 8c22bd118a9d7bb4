package org.scorelab.dsm.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.random.Rng;

/** Task 1.1: the data set, a Gaussian mixture, and its density. */
public interface MixtureData {
    /** The mixture this data set is drawn from. */
    MixtureSpec spec();

    /**
     * Draws {@code n} points, each component contributing in proportion to its weight.
     *
     * @return points, shape [n, 2]
     */
    INDArray sample(int n, Rng rng);

    /**
     * log p(x) of the mixture, eq. (1) of the sheet, for each point.
     *
     * @param x points, shape [n, 2]
     * @return log-densities, shape [n]
     */
    INDArray logDensity(INDArray x);

    /** p(x) for each point: points [n, 2] -> densities [n]. */
    INDArray density(INDArray x);
}
