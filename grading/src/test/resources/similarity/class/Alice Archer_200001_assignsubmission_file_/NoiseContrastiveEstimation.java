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
 * <p>q is a Gaussian fitted to the data, 1.5 times wider. Adam with learning rate 1e-3, 4000 iterations, batches of
 * 256 data points and 256 noise points.
 */
public final class NoiseContrastiveEstimation implements NoiseContrastive {

    @Override
    public Tensor loss(EnergyModel energy, Tensor c, INDArray data, INDArray noise, Gaussian q) {
        // G(u) = -f(u) + c - log q(u)
        Tensor gData = energy.energy(Tensor.constant(data)).neg().add(c).sub(Tensor.constant(q.logDensity(data)));
        Tensor gNoise = energy.energy(Tensor.constant(noise)).neg().add(c).sub(Tensor.constant(q.logDensity(noise)));
        Tensor first = gData.logSigmoid().mean();
        Tensor second = gNoise.neg().logSigmoid().mean();
        return first.add(second).neg();
    }

    @Override
    public double[] train(EnergyModel energy, Tensor c, INDArray data, Rng rng) {
        Gaussian q = Gaussian.fittedTo(data, 1.5);
        List<Tensor> params = new ArrayList<>(energy.parameters());
        params.add(c);
        Adam opt = new Adam(params, 1e-3);
        return TrainingLoop.minimise(opt, 4000, it -> {
            INDArray batch = rng.rows(data, 256);
            INDArray fake = q.sample(256, rng);
            return loss(energy, c, batch, fake, q);
        });
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of("noise q", "Gaussian fitted to the data, 1.5x wider", "optimizer", "Adam",
            "learning rate", 1e-3, "iterations", 4000, "batch", 256);
    }
}
