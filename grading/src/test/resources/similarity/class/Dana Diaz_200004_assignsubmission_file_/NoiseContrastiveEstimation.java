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
 * <p>q = Gaussian.fittedTo(data, 1.5), Adam 2e-3, 3500 iterations, 400 + 400 points.
 */
public final class NoiseContrastiveEstimation implements NoiseContrastive {

    @Override
    public Tensor loss(EnergyModel energy, Tensor c, INDArray data, INDArray noise, Gaussian q) {
        Tensor a = energy.energy(Tensor.constant(data)).neg().add(c).sub(Tensor.constant(q.logDensity(data)));
        Tensor b = energy.energy(Tensor.constant(noise)).neg().add(c).sub(Tensor.constant(q.logDensity(noise)));
        return a.logSigmoid().add(b.neg().logSigmoid()).mean().neg();
    }

    @Override
    public double[] train(EnergyModel energy, Tensor c, INDArray data, Rng rng) {
        Gaussian q = Gaussian.fittedTo(data, 1.5);
        List<Tensor> ps = new ArrayList<>(energy.parameters());
        ps.add(c);
        return TrainingLoop.minimise(new Adam(ps, 2e-3), 3500, k -> loss(energy, c, rng.rows(data, 400), q.sample(400, rng), q));
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of("q", "fitted Gaussian x1.5", "opt", "Adam 2e-3", "iterations", 3500, "batch", "400 + 400");
    }
}
