package org.scorelab.ebm;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.api.LangevinSampler;
import org.scorelab.ebm.api.MaximumLikelihood;
import org.scorelab.random.Rng;

/**
 * Task 1.3: maximum likelihood training with Langevin samples of the model.
 *
 * <p>Our convention: the loss to MINIMISE is l = mean f(data) - mean f(samples). (The sheet writes it with the
 * opposite sign; minimising ours lowers the energy of the data and raises that of the model's samples, which is
 * maximising the likelihood.)
 *
 * <p>TODO Task 1.3: state your optimizer, learning rate, batch size, iterations, start distribution, step size and
 * number of Langevin steps here and in your report.
 */
public final class MaximumLikelihoodTraining implements MaximumLikelihood {

    /**
     * TODO Task 1.3: the loss above. Evaluate the model with {@code energy.energy(Tensor.constant(points))} and combine
     * with Tensor operations ({@code mean()}, {@code sub(...)}), so that it can be differentiated.
     *
     * @param data data points, shape [n, 2]
     * @param samples model samples, shape [m, 2]
     * @return one element
     */
    @Override
    public Tensor loss(EnergyModel energy, INDArray data, INDArray samples) {
        throw new NotImplemented("1.3");
    }

    /**
     * TODO Task 1.3: train with an optimizer of the kit ({@code new Adam(energy.parameters(), lr)}) and
     * {@code TrainingLoop.minimise(optimizer, iterations, k -> loss)}: each iteration draws a data batch
     * ({@code rng.rows(data, batch)}), model samples with {@code sampler.sample(energy, start, n, stepSize, steps, rng)}
     * and returns the loss. Hints: start the chains from a Gaussian covering the data ({@code Gaussian.fittedTo});
     * short chains go further when they continue from the previous iteration's samples (the kit's
     * {@link org.scorelab.ebm.models.ReplayBuffer});
     * a small penalty on the squared energies keeps them from drifting.
     *
     * @return the loss of every iteration
     */
    @Override
    public double[] train(EnergyModel energy, INDArray data, LangevinSampler sampler, Rng rng) {
        throw new NotImplemented("1.3");
    }

    /**
     * For your report (Task 1.3): your choices, printed in a table beside your loss curve by the figures command, e.g.
     * {@code HyperParameters.of("optimizer", "Adam", "learning rate", 1e-3, "iterations", 2000, "Langevin steps", 20)}.
     */
    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of();
    }
}
