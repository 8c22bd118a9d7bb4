package org.scorelab.ebm;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.DenoisingScoreMatching;
import org.scorelab.ebm.api.ScoreModel;
import org.scorelab.random.Rng;

/**
 * Task 3.2.2: denoising score matching at one noise level: with y = x + sigma z,
 * loss = mean over the points of 1/2 || s(y) - (x - y) / sigma^2 ||^2.
 *
 * <p>TODO Task 3.2.2: state your sigma, optimizer, learning rate, batch size and iterations here and in your report.
 */
public final class DenoisingScoreMatchingTraining implements DenoisingScoreMatching {

    /** TODO Task 3.2.2: your noise level (of the order of the data's own noise). */
    @Override
    public double sigma() {
        throw new NotImplemented("3.2.2");
    }

    /**
     * TODO Task 3.2.2: the loss above, the model evaluated at the NOISY points.
     *
     * @param x clean points, shape [n, 2]
     * @param noisy their perturbations, shape [n, 2]
     * @return one element, differentiable with respect to the model's parameters
     */
    @Override
    public Tensor loss(ScoreModel model, INDArray x, INDArray noisy, double sigma) {
        throw new NotImplemented("3.2.2");
    }

    /** TODO Task 3.2.2: train with fresh noise at every iteration and return the loss of every iteration. */
    @Override
    public double[] train(ScoreModel model, INDArray data, Rng rng) {
        throw new NotImplemented("3.2.2");
    }

    /**
     * For your report (Task 3.2.2): your choices, printed in a table beside your loss curve by the figures command, e.g.
     * {@code HyperParameters.of("noise sigma", 0.1, "optimizer", "Adam", "iterations", 3000)}.
     */
    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of();
    }
}
