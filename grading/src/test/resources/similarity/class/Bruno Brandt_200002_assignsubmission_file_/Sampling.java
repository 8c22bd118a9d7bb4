package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.Generation;
import org.scorelab.random.Rng;

/** Task 4.2: new samples from a trained model. */
public final class Sampling implements Generation {
    private final AnnealedLangevin langevin = new AnnealedLangevin();
    private final LearnedModel scores = new LearnedModel();

    /** Starts from N(0.3, 0.5^2 I), centred near the data, and anneals with the learned score. */
    @Override
    public INDArray generate(EnergyModel model, double[] levels, int n, Rng rng) {
        INDArray init = rng.normal(n, 2).muli(0.5).addi(0.3);
        return langevin.sample((pts, s) -> scores.scoreOf(model, pts, s), init, levels, rng);
    }
}
