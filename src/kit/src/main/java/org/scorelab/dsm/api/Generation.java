package org.scorelab.dsm.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.random.Rng;

/** Task 4.2: new samples from a trained model. */
public interface Generation {
    /**
     * Draws {@code n} samples with annealed Langevin sampling driven by the model's score, from a starting
     * distribution of the implementation's choice.
     *
     * @return samples, shape [n, 2]
     */
    INDArray generate(EnergyModel model, double[] levels, int n, Rng rng);
}
