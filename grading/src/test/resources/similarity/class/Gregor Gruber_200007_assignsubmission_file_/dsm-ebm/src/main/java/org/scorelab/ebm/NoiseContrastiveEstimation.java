package org.scorelab.ebm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.autograd.Tensor;
import org.scorelab.data.Gaussian;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.api.NoiseContrastive;
import org.scorelab.optim.Adam;
import org.scorelab.optim.Optimizer;
import org.scorelab.optim.TrainingLoop;
import org.scorelab.random.Rng;

/**
 * Task 2.2: noise-contrastive estimation with a learnable c = log(1/z).
 *
 * <p>q is a Gaussian with the data's mean and twice its std. Adam with learning rate 0.003 for 2500 iterations,
 * 512 data and 512 noise points per iteration.
 */
public final class NoiseContrastiveEstimation implements NoiseContrastive {
    private static final double WIDTH = 2.0;
    private static final int BATCH = 512;
    private static final int ITERS = 2500;
    private static final double LR = 3e-3;

    @Override
    public double[] train(EnergyModel energy, Tensor c, INDArray data, Rng rng) {
        Gaussian noiseDist = Gaussian.fittedTo(data, WIDTH);
        List<Tensor> all = new ArrayList<>();
        all.addAll(energy.parameters());
        all.add(c);
        Optimizer adam = new Adam(all, LR);
        return TrainingLoop.minimise(adam, ITERS, i -> loss(energy, c, rng.rows(data, BATCH), noiseDist.sample(BATCH, rng), noiseDist));
    }

    @Override
    public Tensor loss(EnergyModel energy, Tensor c, INDArray data, INDArray noise, Gaussian q) {
        Tensor logitsData = c.sub(energy.energy(Tensor.constant(data))).sub(Tensor.constant(q.logDensity(data)));
        Tensor logitsNoise = c.sub(energy.energy(Tensor.constant(noise))).sub(Tensor.constant(q.logDensity(noise)));
        // softplus form of the logistic loss
        return logitsData.neg().softplus().mean().add(logitsNoise.softplus().mean());
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of("q", "fitted Gaussian, std x" + WIDTH, "optimizer", "Adam", "lr", LR, "iterations", ITERS, "batch", BATCH);
    }
}
