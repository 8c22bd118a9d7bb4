package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.Perturbation;
import org.scorelab.noise.NoiseLevels;
import org.scorelab.random.Rng;

/**
 * Task 3.1: the noise levels and the perturbation x~ = x + sigma z.
 *
 * <p>Levels: sigma_1 = 0.015, sigma_L = 1.5, L = 10. The largest level is wider than the whole data set so the
 * sampler can start from almost anywhere; the ratio between levels is 1.67.
 */
public final class NoiseSchedule implements Perturbation {
    private final double smallest = 0.015;
    private final double largest = 1.5;
    private final int count = 10;

    @Override
    public double[] noiseLevels() {
        return NoiseLevels.geometric(smallest, largest, count);
    }

    @Override
    public INDArray perturb(INDArray x, INDArray sigmas, Rng rng) {
        INDArray perturbed = x.dup();
        INDArray noise = rng.normal(x.size(0), x.size(1));
        INDArray perPoint = sigmas.reshape(x.size(0));
        for (int d = 0; d < 2; d++) {
            perturbed.getColumn(d).addi(noise.getColumn(d).mul(perPoint));
        }
        return perturbed;
    }
}
