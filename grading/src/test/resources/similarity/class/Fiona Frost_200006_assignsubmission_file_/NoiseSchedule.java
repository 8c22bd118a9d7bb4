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
        int count = (int) x.size(0);
        INDArray out = Nd4j.zeros(DataType.DOUBLE, count, 2);
        for (int i = 0; i < count; i++) {
            double level = sigmas.getDouble(i, 0);
            out.putScalar(i, 0, x.getDouble(i, 0) + level * rng.nextGaussian());
            out.putScalar(i, 1, x.getDouble(i, 1) + level * rng.nextGaussian());
        }
        return out;
    }
}
