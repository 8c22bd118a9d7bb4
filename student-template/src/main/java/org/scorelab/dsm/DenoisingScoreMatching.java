package org.scorelab.dsm;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.autograd.Tensor;
import org.scorelab.dsm.api.DenoisingObjective;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.random.Rng;

/**
 * Task 3.3: denoising score matching, eq. (6) of the sheet, with the model score s = -grad_x f.
 *
 * <p>Convention (the sheet's, without the 1/2 some papers use):
 * loss = (1/n) sum_s sigma_s^2 || s(x~_s, sigma_s) - (x_s - x~_s) / sigma_s^2 ||^2.
 *
 * <p>TODO Task 3.3: state your optimizer, learning rate, batch size and number of iterations here and in your report.
 */
public final class DenoisingScoreMatching implements DenoisingObjective {

    /**
     * TODO Task 3.3: the loss above for the given noisy points. grad_x f is {@code Autograd.grad(f.sum(), x, true)}
     * with x a {@code Tensor.variable}: createGraph = true, because training differentiates the loss again.
     *
     * @param x clean points, shape [n, 2]
     * @param noisy perturbed points, shape [n, 2]
     * @param sigmas noise levels, shape [n, 1]
     * @return one element, differentiable with respect to the model's parameters
     */
    @Override
    public Tensor loss(EnergyModel model, INDArray x, INDArray noisy, INDArray sigmas) {
        throw new NotImplemented("3.3");
    }

    /** TODO Task 3.3: the loss with a noise level drawn uniformly from {@code levels} for EACH point, and fresh noise. */
    @Override
    public Tensor loss(EnergyModel model, INDArray x, double[] levels, Rng rng) {
        throw new NotImplemented("3.3");
    }

    /**
     * TODO Task 3.3: train the model with an optimizer of the kit ({@code org.scorelab.optim.Adam} is a good
     * choice; {@code optimizer.step(() -> loss)} runs one step) and return the loss of every iteration. Training
     * takes a minute: {@code try (TrainingProgress progress = TrainingProgress.start("Task 3.3", iterations))} and
     * {@code progress.step(loss)} each iteration show the iteration, the loss and the ETA on your terminal
     * ({@code TrainingLoop.minimise} does this for you).
     */
    @Override
    public double[] train(EnergyModel model, INDArray data, double[] levels, Rng rng) {
        throw new NotImplemented("3.3");
    }

    /**
     * For your report (Task 3.3): your choices, printed in a table beside your loss curve by the figures command, e.g.
     * {@code HyperParameters.of("optimizer", "Adam", "learning rate", 1e-3, "iterations", 3000, "batch size", 1000)}.
     */
    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of();
    }
}
