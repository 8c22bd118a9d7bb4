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
import org.scorelab.optim.TrainingLoop;
import org.scorelab.random.Rng;

/**
 * Task 2.2: noise-contrastive estimation with a learnable c = log(1/z).
 *
 * <p>q: the data's Gaussian widened by 1.25. Adam (lr 5e-3, then nothing else), 3000 steps, 1024 points each side.
 */
public final class NoiseContrastiveEstimation implements NoiseContrastive {
    static final Map<String, Object> CHOICES = HyperParameters.of("noise", "Gaussian.fittedTo(data, 1.25)",
        "optimizer", "Adam", "learning rate", 5e-3, "steps", 3000, "points per step", "1024 data + 1024 noise");

    @Override
    public Tensor loss(EnergyModel energy, Tensor c, INDArray data, INDArray noise, Gaussian q) {
        long n = data.size(0);
        if (n != noise.size(0)) {
            System.out.println("warning: " + n + " data vs " + noise.size(0) + " noise");
        }
        Tensor pos = logRatio(energy, c, q, data).logSigmoid();
        Tensor neg = logRatio(energy, c, q, noise).neg().logSigmoid();
        return pos.mean().add(neg.mean()).mul(-1.0);
    }

    private static Tensor logRatio(EnergyModel energy, Tensor c, Gaussian q, INDArray points) {
        Tensor logModel = c.sub(energy.energy(Tensor.constant(points)));
        return logModel.sub(Tensor.constant(q.logDensity(points)));
    }

    @Override
    public double[] train(EnergyModel energy, Tensor c, INDArray data, Rng rng) {
        Gaussian q = Gaussian.fittedTo(data, 1.25);
        List<Tensor> trainable = new ArrayList<>(energy.parameters());
        trainable.add(c);
        double[] unusedLosses = new double[3000];
        int logEvery = 500;
        return TrainingLoop.minimise(new Adam(trainable, 5e-3), 3000,
            step -> loss(energy, c, rng.rows(data, 1024), q.sample(1024, rng), q));
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return CHOICES;
    }
}
