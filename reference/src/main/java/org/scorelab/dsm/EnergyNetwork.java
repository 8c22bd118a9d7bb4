package org.scorelab.dsm;

import java.util.List;
import org.scorelab.autograd.Tensor;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.nn.Activation;
import org.scorelab.nn.Mlp;
import org.scorelab.nn.Sequential;
import org.scorelab.random.Rng;

/**
 * Task 3.2: the energy f(x, sigma) = g(x, log(sigma) / log(sigma_L / sigma_1)) / sigma with g an MLP
 * 3 -> 64 -> 64 -> 1 with ELU activations (4,481 parameters), fed the point stacked with its noise level.
 *
 * <p>The noise level enters as log sigma, scaled to [-1, 0] like the points' own range: the levels are geometric,
 * so on a log scale they are evenly spaced, while as raw numbers the five smallest all look like 0 to the network.
 * Measured: with raw sigma the learned score's error at sigma <= 0.05 stayed above 50%.
 *
 * <p>ELU is twice differentiable (away from 0, with bounded second derivative): the DSM loss contains
 * grad_x f, and training differentiates the loss again with respect to the weights, which needs the
 * derivative of grad_x f, i.e. second derivatives of the activation. With ReLU, grad_x f would be piecewise
 * constant in x and its curvature zero.
 *
 * <p>Dividing by sigma: the target score (x - x~)/sigma^2 has size ~1/sigma, from 1 at sigma_L to 100 at sigma_1.
 * With f = g / sigma the network's own gradient stays of order 1 at every level, which is much easier to learn
 * (the output scaling of Song and Ermon 2020, technique 3, written for an energy).
 */
public final class EnergyNetwork implements EnergyModel {
    /** log(sigma_L / sigma_1) for the reference levels: scales log sigma to [-1, 0], the range of the points. */
    static final double LOG_SIGMA_SCALE = Math.log(NoiseSchedule.SIGMA_L / NoiseSchedule.SIGMA_1);

    private final Sequential g;

    public EnergyNetwork(Rng rng) {
        this.g = Mlp.input(3).hidden(64, 64).activation(Activation.ELU).output(1).build(rng);
    }

    @Override
    public Tensor energy(Tensor x, Tensor sigma) {
        return g.forward(Tensor.concat(1, x, sigma.log().div(LOG_SIGMA_SCALE))).div(sigma);
    }

    @Override
    public List<Tensor> parameters() {
        return g.parameters();
    }

    @Override
    public long parameterCount() {
        return g.parameterCount();
    }

    /** The network g, e.g. to save its parameters with {@link org.scorelab.nn.Parameters}. */
    public Sequential network() {
        return g;
    }
}
