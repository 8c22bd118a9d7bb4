package org.scorelab.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.autograd.Tensor;
import org.scorelab.random.Rng;

/**
 * Task 3.1.1: implicit score matching (Hyvarinen 2005, Theorem 1) for a score model s:
 * J = mean over the data of 1/2 ||s(x)||^2 + tr(ds/dx (x)).
 *
 * <p>Written for the score s = -grad_x f, the trace is +tr(ds/dx) = -laplacian f. The sheet writes the objective for
 * the energy gradient with +laplacian f, which does not match p ~ exp(-f): we follow Hyvarinen's form.
 */
public interface ImplicitScoreMatching extends HyperParameters {
    /**
     * The trace uses at most one loop over the 2 input dimensions: one vector-Jacobian product per dimension, with
     * createGraph so the loss can be differentiated again.
     *
     * @param model the score model s
     * @param x data points, shape [n, 2]
     * @return J, one element, differentiable with respect to the model's parameters
     */
    Tensor loss(ScoreModel model, INDArray x);

    /** Trains {@code model} on {@code data}; returns the loss of every iteration, in order. */
    double[] train(ScoreModel model, INDArray data, Rng rng);
}
