package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.Perturbation;
import org.scorelab.noise.NoiseLevels;
import org.scorelab.random.Rng;

/**
 * Task 3.1: the noise levels and the perturbation x~ = x + sigma z.
 *
 * <p>Choice: sigma_1 = 0.01, sigma_L = 1, L = 10, geometric.
 * <ul>
 *   <li>sigma_1 = 0.01 is a tenth of the components' standard deviation 0.1: p_sigma_1 has per-component standard
 *   deviation sqrt(0.01 + 0.01^2) = 0.1005, so it is the data distribution to within 0.5%, and samples drawn at
 *   the last level are samples of the data.</li>
 *   <li>sigma_L = 1 exceeds the largest distance between two means (0.56): at that level the three bumps merge
 *   into one broad blob of standard deviation ~1, so Langevin moves freely between modes and the start
 *   distribution hardly matters (Song and Ermon 2020, technique 1, ask for sigma_L about the largest pairwise
 *   distance).</li>
 *   <li>L = 10 keeps the ratio of neighbouring levels at 1.67, so each level's distribution overlaps the next
 *   one's and the sampler at one level starts where the next level's score is accurate.</li>
 * </ul>
 */
public final class NoiseSchedule implements Perturbation {
    static final double SIGMA_1 = 0.01;
    static final double SIGMA_L = 1.0;
    static final int L = 10;

    @Override
    public double[] noiseLevels() {
        return NoiseLevels.geometric(SIGMA_1, SIGMA_L, L);
    }

    @Override
    public INDArray perturb(INDArray x, INDArray sigmas, Rng rng) {
        int n = Shapes.points("3.1", "x", x);
        Shapes.levels("3.1", sigmas, n);
        return x.add(rng.normal(n, 2).muliColumnVector(sigmas));
    }
}
