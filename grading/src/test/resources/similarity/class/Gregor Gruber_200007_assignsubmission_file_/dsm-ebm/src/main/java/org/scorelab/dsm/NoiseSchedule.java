package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.Perturbation;
import org.scorelab.noise.NoiseLevels;
import org.scorelab.random.Rng;

/**
 * Task 3.1: the noise levels and the perturbation x~ = x + sigma z.
 *
 * <p>Levels from 0.01 to 1.2, 15 of them, geometric spacing. The first is almost no noise; the last one makes the
 * three Gaussians overlap into one.
 */
public final class NoiseSchedule implements Perturbation {
    private static final int LEVELS = 15;
    private static final double SIGMA_MAX = 1.2;
    private static final double SIGMA_MIN = 0.01;

    @Override
    public INDArray perturb(INDArray x, INDArray sigmas, Rng rng) {
        INDArray z = rng.normal(x.size(0), 2);
        return z.muliColumnVector(sigmas).addi(x);
    }

    @Override
    public double[] noiseLevels() { return NoiseLevels.geometric(SIGMA_MIN, SIGMA_MAX, LEVELS); }
}
