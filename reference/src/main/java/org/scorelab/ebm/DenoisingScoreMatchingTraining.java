package org.scorelab.ebm;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.assignment.Inputs;
import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.DenoisingScoreMatching;
import org.scorelab.ebm.api.ScoreModel;
import org.scorelab.optim.Adam;
import org.scorelab.optim.TrainingLoop;
import org.scorelab.random.Rng;

/**
 * Task 3.2.2: denoising score matching at one noise level (Vincent 2011), eq. (6) of the sheet with
 * grad_y log q(y | x) = (x - y) / sigma^2: loss = mean 1/2 || s(y) - (x - y) / sigma^2 ||^2.
 *
 * <p>Training: sigma = {@value #SIGMA} (a little above the rings' own noise 0.08, so the perturbed density stays
 * close to the data's), Adam with a learning rate decaying linearly from 5e-3 to 5e-4,
 * batches of {@value #BATCH} points with fresh noise.
 */
public final class DenoisingScoreMatchingTraining implements DenoisingScoreMatching {
    static final double SIGMA = 0.1;
    static final int ITERATIONS = 3000;
    static final int BATCH = 512;
    static final double LEARNING_RATE = 5e-3;

    @Override
    public double sigma() {
        return SIGMA;
    }

    @Override
    public Tensor loss(ScoreModel model, INDArray x, INDArray noisy, double sigma) {
        int n = Inputs.points("3.2.2", "x", x);
        if (Inputs.points("3.2.2", "noisy", noisy) != n) {
            throw new IllegalArgumentException("Task 3.2.2: x and noisy must have the same number of points, got "
                + n + " and " + noisy.size(0));
        }
        Inputs.positive("3.2.2", "sigma", sigma);
        Tensor target = Tensor.constant(x.sub(noisy).divi(sigma * sigma));
        return model.score(Tensor.constant(noisy)).sub(target).square().sum(1, true).mul(0.5).mean();
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of("optimizer", "Adam", "learning rate", LEARNING_RATE, "iterations", ITERATIONS,
            "batch size", BATCH, "noise sigma", SIGMA);
    }

    @Override
    public double[] train(ScoreModel model, INDArray data, Rng rng) {
        Inputs.points("3.2.2", "data", data);
        Adam adam = new Adam(model.parameters(), LEARNING_RATE);
        return TrainingLoop.minimise(adam, ITERATIONS, k -> {
            adam.setLearningRate(LEARNING_RATE * (1 - 0.9 * k / ITERATIONS));
            INDArray x = rng.rows(data, BATCH);
            return loss(model, x, x.add(rng.normal(BATCH, 2).muli(SIGMA)), SIGMA);
        });
    }
}
