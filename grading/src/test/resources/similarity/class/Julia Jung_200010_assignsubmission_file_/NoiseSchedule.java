package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.Perturbation;
import org.scorelab.noise.NoiseLevels;
import org.scorelab.random.Rng;

/**
 * Task 3.1: the noise levels and the perturbation x~ = x + sigma z.
 *
 * <p>10 levels from 0.015 to 1.5 (geometric). 1.5 is bigger than the whole data set, so the last level is a single
 * wide bump; neighbouring levels differ by a factor 1.67.
 */
public final class NoiseSchedule implements Perturbation {
    private final int howMany = 10;
    private final double top = 1.5;
    private final double bottom = 0.015;

    @Override
    public INDArray perturb(INDArray x, INDArray sigmas, Rng rng) {
        INDArray res = x.dup();
        INDArray z = rng.normal(x.size(0), x.size(1));
        INDArray s = sigmas.reshape(x.size(0));
        long checkRows = z.rows();
        for (int col = 0; col < 2; col++)
            res.getColumn(col).addi(z.getColumn(col).mul(s));
        return res;
    }

    @Override
    public double[] noiseLevels() { return NoiseLevels.geometric(bottom, top, howMany); }
}
