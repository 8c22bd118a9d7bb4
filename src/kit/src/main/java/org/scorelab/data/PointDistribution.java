package org.scorelab.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.random.Rng;

/** A distribution of points in the plane that can be sampled with the kit's seeded generator. */
@FunctionalInterface
public interface PointDistribution {
    /**
     * @param n the number of points, at least 1
     * @param rng the generator to draw from (the same seed gives the same points)
     * @return the points, shape [n, 2], double precision
     */
    INDArray sample(int n, Rng rng);
}
