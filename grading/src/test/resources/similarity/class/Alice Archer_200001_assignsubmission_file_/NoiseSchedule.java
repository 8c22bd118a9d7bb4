package org.scorelab.dsm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.dsm.api.Perturbation;
import org.scorelab.noise.NoiseLevels;
import org.scorelab.random.Rng;

/**
 * Task 3.1: the noise levels and the perturbation x~ = x + sigma z.
 *
 * <p>sigma_1 = 0.02 (much smaller than the std 0.1 of a component), sigma_L = 0.8 (about the distance between the
 * two means furthest apart) and L = 12 levels.
 */
public final class NoiseSchedule implements Perturbation {

    @Override
    public double[] noiseLevels() {
        return NoiseLevels.geometric(0.02, 0.8, 12);
    }

    @Override
    public INDArray perturb(INDArray x, INDArray sigmas, Rng rng) {
        int n = (int) x.size(0);
        INDArray noisy = Nd4j.zeros(DataType.DOUBLE, n, 2);
        for (int i = 0; i < n; i++) {
            double s = sigmas.getDouble(i, 0);
            noisy.putScalar(i, 0, x.getDouble(i, 0) + s * rng.nextGaussian());
            noisy.putScalar(i, 1, x.getDouble(i, 1) + s * rng.nextGaussian());
        }
        return noisy;
    }
}
