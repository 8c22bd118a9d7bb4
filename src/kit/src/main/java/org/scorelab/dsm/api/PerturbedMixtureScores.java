package org.scorelab.dsm.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Task 3.4: the analytic density and score of the mixture perturbed by N(0, sigma^2 I). */
public interface PerturbedMixtureScores extends ScoreFunction {
    /** The mixture being perturbed. */
    MixtureSpec spec();

    /** log p_sigma(x), where every component's covariance becomes (v_k + sigma^2) I: points [n, 2] -> [n]. */
    INDArray logDensity(INDArray x, double sigma);

    /** p_sigma(x): points [n, 2] -> [n]. */
    INDArray density(INDArray x, double sigma);

    /** grad_x log p_sigma(x): points [n, 2] -> [n, 2]. */
    @Override
    INDArray scoreOf(INDArray x, double sigma);
}
