package org.scorelab.ebm;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.autograd.Tensor;
import org.scorelab.data.Gaussian;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.api.NoiseContrastive;
import org.scorelab.random.Rng;

/**
 * Task 2.2: noise-contrastive estimation with a learnable c = log(1/z): log p(u) = -f(u) + c,
 * G(u) = log p(u) - log q(u), r(u) = sigmoid(G(u)), and with n data points x and n noise points y
 * loss = -(1/n) [ sum_x log r(x) + sum_y log(1 - r(y)) ].
 *
 * <p>TODO Task 2.2: state your noise distribution q, optimizer, learning rate, batch size and iterations here and in
 * your report.
 */
public final class NoiseContrastiveEstimation implements NoiseContrastive {

    /**
     * TODO Task 2.2: the loss above. log r = {@code G.logSigmoid()} and log(1 - r) = {@code G.neg().logSigmoid()}:
     * never log(sigmoid(...)), which overflows for energies of a few hundred. {@code q.logDensity(u)} gives log q
     * as an array [n, 1]; c is a Tensor of shape [1, 1] that broadcasts.
     *
     * @param data data points, shape [n, 2]
     * @param noise noise points from q, shape [n, 2]
     * @return one element, differentiable with respect to the energy's parameters and c
     */
    @Override
    public Tensor loss(EnergyModel energy, Tensor c, INDArray data, INDArray noise, Gaussian q) {
        throw new NotImplemented("2.2");
    }

    /**
     * TODO Task 2.2: train the energy's parameters AND c together (one optimizer over both), drawing a data batch
     * and as many fresh noise points from q at each iteration ({@code TrainingLoop.minimise}). A Gaussian fitted to
     * the data and a little wider ({@code Gaussian.fittedTo(data, 1.5)}) is a good q.
     *
     * @return the loss of every iteration
     */
    @Override
    public double[] train(EnergyModel energy, Tensor c, INDArray data, Rng rng) {
        throw new NotImplemented("2.2");
    }

    /**
     * For your report (Task 2.2): your choices, printed in a table beside your loss curve by the figures command, e.g.
     * {@code HyperParameters.of("noise q", "Gaussian fitted to the data", "optimizer", "Adam", "iterations", 3000)}.
     */
    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of();
    }
}
