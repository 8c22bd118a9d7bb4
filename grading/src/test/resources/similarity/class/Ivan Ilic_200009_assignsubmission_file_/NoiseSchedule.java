package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.Perturbation;
import org.scorelab.noise.NoiseLevels;
import org.scorelab.random.Rng;

/**
 * Task 3.1: the noise levels and the perturbation x~ = x + sigma z.
 *
 * <p>sigma_1 = 0.03 (a third of a component's std), sigma_L = 0.6 (above the largest distance between means, 0.56),
 * L = 8 levels.
 */
public final class NoiseSchedule implements Perturbation {

    @Override
    public double[] noiseLevels() {
        return NoiseLevels.geometric(0.03, 0.6, 8);
    }

    @Override
    public INDArray perturb(INDArray x, INDArray sigmas, Rng rng) {
        INDArray eps = rng.normal(x.size(0), 2);
        eps.getColumn(0).muli(sigmas.reshape(-1));
        eps.getColumn(1).muli(sigmas.reshape(-1));
        return eps.addi(x);
    }
}
