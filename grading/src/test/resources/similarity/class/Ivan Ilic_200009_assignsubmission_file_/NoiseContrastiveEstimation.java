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
import org.scorelab.optim.Sgd;
import org.scorelab.optim.TrainingLoop;
import org.scorelab.random.Rng;

/**
 * Task 2.2: noise-contrastive estimation with a learnable c = log(1/z).
 *
 * <p>My q is a Gaussian fitted to the data and widened 1.3 times. I train with SGD with momentum 0.9, learning
 * rate 0.01, 6000 steps, 200 data and 200 noise points per step.
 */
public final class NoiseContrastiveEstimation implements NoiseContrastive {

    @Override
    public Tensor loss(EnergyModel energy, Tensor c, INDArray data, INDArray noise, Gaussian q) {
        INDArray both = org.nd4j.linalg.factory.Nd4j.vstack(data, noise);
        Tensor logModel = c.sub(energy.energy(Tensor.constant(both)));
        Tensor g = logModel.sub(Tensor.constant(q.logDensity(both)));
        long n = data.size(0);
        Tensor real = g.rows(0, (int) n);
        Tensor fake = g.rows((int) n, (int) (2 * n));
        // -(1/n) [ sum log sigma(G(x)) + sum log(1 - sigma(G(y))) ], averaged per side
        return real.logSigmoid().sum().add(fake.neg().logSigmoid().sum()).div(-n);
    }

    @Override
    public double[] train(EnergyModel energy, Tensor c, INDArray data, Rng rng) {
        Gaussian q = Gaussian.fittedTo(data, 1.3);
        List<Tensor> weights = new ArrayList<>(energy.parameters());
        weights.add(c);
        Sgd sgd = new Sgd(weights, 0.01, 0.9, 0, 0, false);
        return TrainingLoop.minimise(sgd, 6000, step -> loss(energy, c, rng.rows(data, 200), q.sample(200, rng), q));
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of("noise", "Gaussian fitted to the data x1.3", "optimizer", "SGD, momentum 0.9",
            "learning rate", 0.01, "steps", 6000, "batch", "200 + 200");
    }
}
