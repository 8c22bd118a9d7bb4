package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.Generation;
import org.scorelab.random.Rng;

/**
 * Task 4.2: samples from the trained model: annealed Langevin ({@link AnnealedLangevin}) driven by the learned score
 * ({@link LearnedModel}), started uniformly on the unit square [0, 1]^2, which contains the data (as Song and Ermon's
 * toy experiments start uniformly on the data's box).
 */
public final class Sampling implements Generation {
    private final LearnedModel learned = new LearnedModel();
    private final AnnealedLangevin sampler = new AnnealedLangevin();

    @Override
    public INDArray generate(EnergyModel model, double[] levels, int n, Rng rng) {
        if (n < 1) {
            throw new IllegalArgumentException("Task 4.2: the number of samples must be positive, got " + n);
        }
        INDArray start = rng.uniform(0, 1, n, 2);
        return sampler.sample((x, sigma) -> learned.scoreOf(model, x, sigma), start, levels, rng);
    }
}
