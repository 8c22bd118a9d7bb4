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
 * <p>I use 12 levels between 0.02 and 0.8. The first one is small compared with the spread of each bump (0.1) and
 * the last one is roughly the largest distance between two centres.
 */
public final class NoiseSchedule implements Perturbation
{
    /*
     * add sigma_i * z_i to each point, z_i standard normal
     */
    @Override
    public INDArray perturb(INDArray x, INDArray sigmas, Rng rng)
    {
        int n = (int) x.size(0);
        INDArray noisy = Nd4j.zeros(DataType.DOUBLE, n, 2);
        for (int i = 0; i < n; i++)
        {
            double s = sigmas.getDouble(i, 0);
            noisy.putScalar(i, 0, x.getDouble(i, 0) + s * rng.nextGaussian());
            noisy.putScalar(i, 1, x.getDouble(i, 1) + s * rng.nextGaussian());
        }
        return noisy;
    }

    @Override
    public double[] noiseLevels()
    {
        return NoiseLevels.geometric(0.02, 0.8, 12);
    }
}
