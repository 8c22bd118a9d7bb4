package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.Generation;
import org.scorelab.random.Rng;

/** Task 4.2: new samples from a trained model. */
public final class Sampling implements Generation {

    @Override
    public INDArray generate(EnergyModel model, double[] levels, int n, Rng rng) {
        LearnedModel m = new LearnedModel();
        return new AnnealedLangevin().sample((x, s) -> m.scoreOf(model, x, s), rng.uniform(0, 1, n, 2), levels, rng);
    }
}
