package org.scorelab.ebm;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.ImplicitScoreMatching;
import org.scorelab.ebm.api.ScoreModel;
import org.scorelab.random.Rng;

/**
 * Task 3.1.1: implicit score matching (Hyvarinen 2005) for a score model s:
 * J = mean over the points of 1/2 ||s(x)||^2 + tr(ds/dx).
 *
 * <p>Mind the sign: for the SCORE s = -grad f the trace enters with PLUS. (The sheet writes the objective for the
 * energy, where it is 1/2 ||grad f||^2 + laplacian f: there the sign of the second term does not match p ~ exp(-f).)
 */
public final class ImplicitScoreMatchingTraining implements ImplicitScoreMatching {

    /**
     * TODO Task 3.1.1: the loss above, with at most ONE loop over the 2 input dimensions: for dimension i,
     * {@code Autograd.grad(s.column(i).sum(), x, true)} has d s_i / d x_j of every point in column j; keep column i.
     * createGraph = true, so that training can differentiate the trace.
     *
     * @param x data points, shape [n, 2]
     * @return one element, differentiable with respect to the model's parameters
     */
    @Override
    public Tensor loss(ScoreModel model, INDArray x) {
        throw new NotImplemented("3.1.1");
    }

    /** TODO Task 3.1.1: train on data batches with an optimizer of the kit and return the loss of every iteration. */
    @Override
    public double[] train(ScoreModel model, INDArray data, Rng rng) {
        throw new NotImplemented("3.1.1");
    }

    /**
     * For your report (Task 3.1.1): your choices, printed in a table beside your loss curve by the figures command, e.g.
     * {@code HyperParameters.of("optimizer", "Adam", "learning rate", 1e-3, "iterations", 3000)}.
     */
    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of();
    }
}
