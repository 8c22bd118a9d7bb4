package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.dsm.api.Perturbation;
import org.scorelab.noise.NoiseLevels;
import org.scorelab.random.Rng;

/**
 * Task 3.1: the noise levels and the perturbation x~ = x + sigma z.
 *
 * <p>sigma_1 = 0.01: noise far below the component std (0.1). sigma_L = 1.0: larger than the spread of the means,
 * so the last level is one bump. L = 20 levels in between, geometric.
 */
public final class NoiseSchedule implements Perturbation {

    @Override
    public double[] noiseLevels() {
        double first = 0.01;
        double last = 1.0;
        int count = 20;
        return NoiseLevels.geometric(first, last, count);
    }

    @Override
    public INDArray perturb(INDArray x, INDArray sigmas, Rng rng) {
        INDArray scale = Nd4j.hstack(sigmas, sigmas);
        return x.add(rng.normal(x.rows(), x.columns()).mul(scale));
    }
}
