package org.scorelab.dsm.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Task 3.5: what a trained energy model says about density and score. */
public interface LearnedScores {
    /** exp(-f(x, sigma)), the density up to its normaliser: points [n, 2] -> [n]. */
    INDArray unnormalisedDensity(EnergyModel model, INDArray x, double sigma);

    /** -grad_x f(x, sigma): points [n, 2] -> [n, 2]. */
    INDArray scoreOf(EnergyModel model, INDArray x, double sigma);
}
