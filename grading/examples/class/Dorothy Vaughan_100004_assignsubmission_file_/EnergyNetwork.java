package org.scorelab.dsm;

import java.util.List;
import org.scorelab.autograd.Tensor;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.nn.Activation;
import org.scorelab.nn.Mlp;
import org.scorelab.nn.Sequential;
import org.scorelab.random.Rng;

/**
 * Task 3.2: the energy f(x, sigma) = g(4 (x - 0.5), 4 (log sigma - m) / log(sigma_L / sigma_1)) / sigma with
 * m = (log sigma_1 + log sigma_L) / 2 and g an MLP 3 -> 64 -> 64 -> 1 with ELU activations (4,481 parameters), fed the
 * point stacked with its noise level.
 *
 * <p>Both inputs are spread over [-2, 2]: the points' box [0, 1]^2 (which holds the data) and the levels' range of
 * log sigma are each mapped linearly onto it. The noise level enters as log sigma: the levels are geometric, so on a
 * log scale they are evenly spaced, while as raw numbers the five smallest all look like 0 to the network.
 * Measured: with raw sigma the learned score's error at sigma <= 0.05 stayed above 50%.
 *
 * <p>Why the spread: a Linear layer starts with weights of size ~1/sqrt(fan-in), so with inputs spanning a width of 1
 * each first-layer unit changes by ~0.5 across the whole input range, and the network needs many iterations to grow
 * features as narrow as a mode (std 0.1) or as the change of the score from one level to the next. Measured (seed 0,
 * 4,000 iterations, relative error against the analytic score at points of p_sigma, and the least-squares slope of the
 * learned score on the analytic one): with x in [0, 1] and log sigma scaled to [-1, 0] the error was 0.72 at
 * sigma_1 and 0.30-0.36 from 0.017 to 0.08, the learned score 20-22% too weak at sigma = 0.05-0.08 (modes 10% too
 * wide at those levels) and 35% too strong at sigma_1; with x mapped to [-2, 2] alone 0.51 and 0.16-0.28; with both
 * inputs on [-2, 2] 0.33 and 0.13-0.22, slopes 0.92-1.07 (0.25 at sigma_1 with the antithetic noise of
 * {@link DenoisingScoreMatching}). log sigma on [-1, 1] with x unscaled did not help (0.58 at sigma_1 but 0.37-0.40
 * from 0.017 to 0.08); on [-4, 4] it was no better than on [-2, 2]. Width 128 lowered the errors a little further
 * (0.22 at sigma_1) at 1.55 times the training time. The samples (Task 4.2, seeds 0-9): see
 * {@link DenoisingScoreMatching}.
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
    /** Centre and scale of the point input: the box [0, 1]^2, which holds the data, onto [-2, 2]^2. */
    static final double X_CENTRE = 0.5;
    static final double X_SCALE = 4;
    /** Centre and scale of the noise input: log sigma from [log sigma_1, log sigma_L] onto [-2, 2]. */
    static final double LOG_SIGMA_CENTRE = (Math.log(NoiseSchedule.SIGMA_1) + Math.log(NoiseSchedule.SIGMA_L)) / 2;
    static final double LOG_SIGMA_SCALE = 4 / Math.log(NoiseSchedule.SIGMA_L / NoiseSchedule.SIGMA_1);

    private final Sequential g;

    public EnergyNetwork(Rng rng) {
        this.g = Mlp.input(3).hidden(64, 64).activation(Activation.ELU).output(1).build(rng);
    }

    @Override
    public Tensor energy(Tensor x, Tensor sigma) {
        Tensor point = x.sub(X_CENTRE).mul(X_SCALE);
        Tensor level = sigma.log().sub(LOG_SIGMA_CENTRE).mul(LOG_SIGMA_SCALE)
        return g.forward(Tensor.concat(1, point, level)).div(sigma);
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
