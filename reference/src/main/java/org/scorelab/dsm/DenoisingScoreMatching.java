package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Tensor;
import org.scorelab.dsm.api.DenoisingObjective;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.optim.Adam;
import org.scorelab.optim.ParameterAverage;
import org.scorelab.random.Rng;

/**
 * Task 3.3: denoising score matching, eq. (6) of the sheet, with Tweedie's formula (5) as target:
 * the score of the noise kernel, grad log p_sigma(x~ | x) = (x - x~) / sigma^2, and the model score -grad_x f.
 *
 * <p>Convention: loss = (1/n) sum_s sigma_s^2 || -grad f(x~_s, sigma_s) - (x_s - x~_s) / sigma_s^2 ||^2, the sheet's form;
 * Song and Ermon's code has an extra 1/2.
 *
 * <p>Training: Adam (PyTorch's betas and eps) with a learning rate decaying linearly from 3e-3 to 3e-4, batches of
 * 1,000 points drawn with replacement, 4,000 iterations (~30 s on the course machine), and the weights replaced at the
 * end by their exponential moving average (decay 0.99). Measured: a larger batch (4,000) at the same time budget, a
 * constant or step-decayed rate, and 3,000 iterations all left a larger score error at the small noise levels.
 */
public final class DenoisingScoreMatching implements DenoisingObjective {
    static final int ITERATIONS = 4000;
    static final int BATCH = 1000;
    static final double LEARNING_RATE = 3e-3;
    static final double AVERAGE_DECAY = 0.99;

    private final NoiseSchedule noise = new NoiseSchedule();

    @Override
    public Tensor loss(EnergyModel model, INDArray x, INDArray noisy, INDArray sigmas) {
        int n = Shapes.points("3.3", "x", x);
        if (Shapes.points("3.3", "noisy", noisy) != n) {
            throw new IllegalArgumentException("Task 3.3: x and noisy must have the same number of points, got "
                + n + " and " + noisy.size(0));
        }
        Shapes.levels("3.3", sigmas, n);
        Tensor xNoisy = Tensor.variable(noisy);
        Tensor sigma = Tensor.constant(sigmas);
        Tensor energy = model.energy(xNoisy, sigma);
        Tensor score = Autograd.grad(energy.sum(), xNoisy, true).neg();
        Tensor target = Tensor.constant(x.sub(noisy).diviColumnVector(sigmas.mul(sigmas)));
        return score.sub(target).square().sum(1, true).mul(sigma.square()).mean();
    }

    @Override
    public Tensor loss(EnergyModel model, INDArray x, double[] levels, Rng rng) {
        int n = Shapes.points("3.3", "x", x);
        int[] index = rng.integers(n, levels.length);
        double[] sigmas = new double[n];
        for (int i = 0; i < n; i++) {
            sigmas[i] = levels[index[i]];
        }
        INDArray sigma = Nd4j.createFromArray(sigmas).reshape(n, 1);
        return loss(model, x, noise.perturb(x, sigma, rng), sigma);
    }

    @Override
    public double[] train(EnergyModel model, INDArray data, double[] levels, Rng rng) {
        Shapes.points("3.3", "data", data);
        Adam adam = new Adam(model.parameters(), LEARNING_RATE);
        ParameterAverage average = new ParameterAverage(model.parameters(), AVERAGE_DECAY);
        double[] history = new double[ITERATIONS];
        for (int it = 0; it < ITERATIONS; it++) {
            adam.setLearningRate(LEARNING_RATE * (1 - 0.9 * it / ITERATIONS));
            INDArray batch = rng.rows(data, BATCH);
            history[it] = adam.step(() -> loss(model, batch, levels, rng));
            average.update();
        }
        average.copyToParameters();
        return history;
    }
}
