package org.scorelab.dsm.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.autograd.Tensor;
import org.scorelab.random.Rng;

/** Task 3.3: the denoising score matching loss, eq. (6) of the sheet, and the training loop. */
public interface DenoisingObjective extends HyperParameters {
    /**
     * The DSM loss for given noise: mean over the batch of sigma^2 || s(x~, sigma) + (x~ - x) / sigma^2 ||^2 with
     * s = -grad_x f. Eq. (6) of the sheet, without the 1/2 of Song and Ermon's code.
     *
     * @param model the energy f
     * @param x clean points, shape [n, 2]
     * @param noisy perturbed points x~, shape [n, 2]
     * @param sigmas the noise level of each point, shape [n, 1]
     * @return the loss, one element, differentiable with respect to the model's parameters
     */
    Tensor loss(EnergyModel model, INDArray x, INDArray noisy, INDArray sigmas);

    /** The loss with one noise level drawn uniformly from {@code levels} for each point, and fresh noise. */
    Tensor loss(EnergyModel model, INDArray x, double[] levels, Rng rng);

    /**
     * Trains {@code model} on {@code data} by minimising the loss; iterations, batch size, optimizer and learning
     * rate are the implementation's choice.
     *
     * @return the loss of every iteration, in order
     */
    double[] train(EnergyModel model, INDArray data, double[] levels, Rng rng);
}
