package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.Generation;
import org.scorelab.random.Rng;

/** Task 4.2: new samples from a trained model. */
public final class Sampling implements Generation {

    /**
     * TODO Task 4.2: n samples of annealed Langevin ({@link AnnealedLangevin}) driven by the model's score
     * ({@link LearnedModel}), from a start distribution of your choice that covers the data.
     *
     * @return shape [n, 2]
     */
    @Override
    public INDArray generate(EnergyModel model, double[] levels, int n, Rng rng) {
        throw new NotImplemented("4.2");
    }
}
