package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.Perturbation;
import org.scorelab.noise.NoiseLevels;
import org.scorelab.random.Rng;

/**
 * Task 3.1: the noise levels and the perturbation x~ = x + sigma z.
 *
 * <p>My choice: sigma_1 = 0.01, sigma_L = 1.2, L = 15. The smallest level barely changes the data, the largest one
 * covers all three modes, and 15 geometric levels keep neighbouring levels overlapping.
 */
public final class NoiseSchedule implements Perturbation {
    private static final double SIGMA_MIN = 0.01;
    private static final double SIGMA_MAX = 1.2;
    private static final int LEVELS = 15;

    @Override
    public double[] noiseLevels() {
        return NoiseLevels.geometric(SIGMA_MIN, SIGMA_MAX, LEVELS);
    }

    @Override
    public INDArray perturb(INDArray x, INDArray sigmas, Rng rng) {
        INDArray z = rng.normal(x.size(0), 2);
        return z.muliColumnVector(sigmas).addi(x);
    }
}
