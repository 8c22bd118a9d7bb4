package org.scorelab.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.autograd.Tensor;
import org.scorelab.random.Rng;

/**
 * Task 1.3 (loss and training): maximum likelihood with samples of the model.
 *
 * <p>Convention (pinned here and in the student text): the loss to MINIMISE is
 * l(theta) = mean_j f(x_j) - mean_j f(x^_j), data x_j and model samples x^_j. Its gradient is minus the Monte Carlo
 * estimate of the log-likelihood gradient, eq. (3) of the sheet. The sheet writes the same quantity with the
 * opposite sign and calls it a loss; minimising ours is maximising the likelihood.
 */
public interface MaximumLikelihood extends HyperParameters {
    /**
     * @param energy the energy f
     * @param data data points, shape [n, 2]
     * @param samples model samples, shape [m, 2]; constants (no gradient flows into the sampler)
     * @return l(theta), one element, differentiable with respect to the energy's parameters
     */
    Tensor loss(EnergyModel energy, INDArray data, INDArray samples);

    /**
     * Trains {@code energy} on {@code data}, drawing the model samples of every iteration with {@code sampler}
     * (iterations, batch size, optimizer, start distribution, step size and number of Langevin steps are the
     * implementation's choice).
     *
     * @return the loss of every iteration, in order
     */
    double[] train(EnergyModel energy, INDArray data, LangevinSampler sampler, Rng rng);
}
