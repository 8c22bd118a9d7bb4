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
 * <p>q: Gaussian fitted to the data (1.75 x its std). Adam, lr = 0.001, 5000 iterations, 300 + 300 points each.
 */
public final class NoiseContrastiveEstimation implements NoiseContrastive {
    private final int batch = 300;
    private final int iters = 5000;
    private final double lr = 1e-3;
    private final double wider = 1.75;

    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of("noise q", "Gaussian fitted to the data, widened " + wider + "x", "optimizer", "Adam",
            "learning rate", lr, "iterations", iters, "batch size", batch + " data + " + batch + " noise");
    }

    @Override
    public double[] train(EnergyModel energy, Tensor c, INDArray data, Rng rng) {
        Gaussian q = Gaussian.fittedTo(data, wider);
        List<Tensor> ps = new ArrayList<>(energy.parameters());
        ps.add(c);
        Adam adam = new Adam(ps, lr);
        int[] seen = {0};
        return TrainingLoop.minimise(adam, iters, i -> {
            INDArray real = rng.rows(data, batch);
            INDArray fake = q.sample(batch, rng);
            seen[0] += batch;
            return loss(energy, c, real, fake, q);
        });
    }

    // logit of "is data": log p_theta(u) - log q(u) = -f(u) + c - log q(u)
    private Tensor logit(EnergyModel energy, Tensor c, Gaussian q, INDArray u) {
        Tensor lm = energy.energy(Tensor.constant(u)).neg().add(c);
        Tensor lq = Tensor.constant(q.logDensity(u));
        return lm.sub(lq);
    }

    @Override
    public Tensor loss(EnergyModel energy, Tensor c, INDArray data, INDArray noise, Gaussian q) {
        Tensor a = logit(energy, c, q, data).logSigmoid().mean();
        Tensor b = logit(energy, c, q, noise).neg().logSigmoid().mean();
        return a.add(b).neg();
    }
}
