package org.scorelab.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.autograd.Tensor;
import org.scorelab.data.Gaussian;
import org.scorelab.random.Rng;

/**
 * Task 2.2: noise-contrastive estimation (Gutmann and Hyvarinen 2010) with a learnable c = log(1 / z).
 *
 * <p>log p(u) = -f(u) + c; G(u) = log p(u) - log q(u); r(u) = sigmoid(G(u)); with n data points x and n noise points
 * y ~ q: loss = -(1/n) [ sum_x log r(x) + sum_y log(1 - r(y)) ], i.e. minus eq. (4) of the sheet over n.
 * log r = logsigmoid(G) and log(1 - r) = logsigmoid(-G), computed stably.
 */
public interface NoiseContrastive extends HyperParameters {
    /**
     * @param energy the energy f
     * @param c the log-normaliser estimate c = log(1/z), shape [1, 1]
     * @param data data points, shape [n, 2]
     * @param noise noise points drawn from q, shape [n, 2] (as many as data points)
     * @param q the noise distribution
     * @return the loss, one element, differentiable with respect to the energy's parameters and c
     */
    Tensor loss(EnergyModel energy, Tensor c, INDArray data, INDArray noise, Gaussian q);

    /**
     * Trains {@code energy} and {@code c} together on {@code data} (noise distribution, iterations, batch size and
     * optimizer are the implementation's choice).
     *
     * @param c the log-normaliser, shape [1, 1], updated in place
     * @return the loss of every iteration, in order
     */
    double[] train(EnergyModel energy, Tensor c, INDArray data, Rng rng);
}
