package org.scorelab.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.autograd.Tensor;
import org.scorelab.random.Rng;

/**
 * Task 3.2.2: denoising score matching with one noise level (Vincent 2011), eq. (6) of the sheet: with
 * y = x + sigma z, grad_y log q(y | x) = (x - y) / sigma^2 = -z / sigma, and
 * loss = mean over the batch of 1/2 || s(y) - (x - y) / sigma^2 ||^2.
 */
public interface DenoisingScoreMatching extends HyperParameters {
    /** The noise level sigma this implementation trains with. */
    double sigma();

    /**
     * @param model the score model s
     * @param x clean points, shape [n, 2]
     * @param noisy their perturbations y = x + sigma z, shape [n, 2]
     * @param sigma the noise level, positive
     * @return the loss, one element, differentiable with respect to the model's parameters
     */
    Tensor loss(ScoreModel model, INDArray x, INDArray noisy, double sigma);

    /** Trains {@code model} on {@code data} at {@link #sigma()}; returns the loss of every iteration, in order. */
    double[] train(ScoreModel model, INDArray data, Rng rng);
}
