package org.scorelab.ebm;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.assignment.Inputs;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.ImplicitScoreMatching;
import org.scorelab.ebm.api.ScoreModel;
import org.scorelab.optim.Adam;
import org.scorelab.optim.TrainingLoop;
import org.scorelab.random.Rng;

/**
 * Task 3.1.1: implicit score matching (Hyvarinen 2005, Theorem 1), J = mean 1/2 ||s(x)||^2 + tr(ds/dx), the trace as
 * one vector-Jacobian product per input dimension: d/dx_i of sum_n s_i(x_n) gives row n's ds_i/dx_i in column i
 * (points do not interact). createGraph keeps the trace differentiable for training.
 *
 * <p>Training: Adam with a learning rate decaying linearly from 5e-3 to 5e-4, batches of {@value #BATCH} points.
 */
public final class ImplicitScoreMatchingTraining implements ImplicitScoreMatching {
    static final int ITERATIONS = 3000;
    static final int BATCH = 512;
    static final double LEARNING_RATE = 5e-3;

    @Override
    public Tensor loss(ScoreModel model, INDArray x) {
        Inputs.points("3.1.1", "x", x);
        Tensor point = Tensor.variable(x);
        Tensor s = model.score(point);
        Tensor trace = null;
        for (int i = 0; i < 2; i++) {
            Tensor dsi = Autograd.grad(s.column(i).sum(), point, true).column(i);
            trace = trace == null ? dsi : trace.add(dsi);
        }
        return s.square().sum(1, true).mul(0.5).add(trace).mean();
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of("optimizer", "Adam", "learning rate", LEARNING_RATE, "iterations", ITERATIONS,
            "batch size", BATCH, "trace", "exact (two backward passes)");
    }

    @Override
    public double[] train(ScoreModel model, INDArray data, Rng rng) {
        Inputs.points("3.1.1", "data", data);
        Adam adam = new Adam(model.parameters(), LEARNING_RATE);
        return TrainingLoop.minimise(adam, ITERATIONS, k -> {
            adam.setLearningRate(LEARNING_RATE * (1 - 0.9 * k / ITERATIONS));
            return loss(model, rng.rows(data, BATCH));
        });
    }
}
