package org.scorelab.ebm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.assignment.Inputs;
import org.scorelab.autograd.Tensor;
import org.scorelab.data.Gaussian;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.api.NoiseContrastive;
import org.scorelab.optim.Adam;
import org.scorelab.optim.TrainingLoop;
import org.scorelab.random.Rng;

/**
 * Task 2.2: noise-contrastive estimation with c = log(1/z) learned alongside the energy. With G = -f + c - log q,
 * loss = -mean_x logsigmoid(G(x)) - mean_y logsigmoid(-G(y)), minus eq. (4) of the sheet divided by n.
 * logsigmoid(t) = -softplus(-t) never overflows, so energies of +-1e4 give a finite loss and gradient.
 *
 * <p>Training: q = the Gaussian fitted to the data with its standard deviations widened 1.5 times (so it covers
 * the data's tails), Adam, {@value #BATCH} data against {@value #BATCH} fresh noise points per iteration.
 */
public final class NoiseContrastiveEstimation implements NoiseContrastive {
    static final int ITERATIONS = 3000;
    static final int BATCH = 512;
    static final double LEARNING_RATE = 2e-3;
    static final double WIDEN = 1.5;

    @Override
    public Tensor loss(EnergyModel energy, Tensor c, INDArray data, INDArray noise, Gaussian q) {
        int n = Inputs.points("2.2", "data", data);
        if (Inputs.points("2.2", "noise", noise) != n) {
            throw new IllegalArgumentException("Task 2.2: NCE with C ~ Ber(1/2) needs as many noise points as data points, got "
                + n + " data and " + noise.size(0) + " noise points");
        }
        Tensor gData = logRatio(energy, c, data, q);
        Tensor gNoise = logRatio(energy, c, noise, q);
        return gData.logSigmoid().mean().add(gNoise.neg().logSigmoid().mean()).neg();
    }

    /** G(u) = log p(u) - log q(u) = -f(u) + c - log q(u), shape [n, 1]. */
    private static Tensor logRatio(EnergyModel energy, Tensor c, INDArray u, Gaussian q) {
        return energy.energy(Tensor.constant(u)).neg().add(c).sub(Tensor.constant(q.logDensity(u)));
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of("optimizer", "Adam (energy and c together)", "learning rate", LEARNING_RATE,
            "iterations", ITERATIONS, "batch size", BATCH + " data and " + BATCH + " fresh noise points",
            "noise q", "Gaussian fitted to the data, widened " + WIDEN + " times");
    }

    @Override
    public double[] train(EnergyModel energy, Tensor c, INDArray data, Rng rng) {
        Inputs.points("2.2", "data", data);
        Gaussian q = Gaussian.fittedTo(data, WIDEN);
        List<Tensor> parameters = new ArrayList<>(energy.parameters());
        parameters.add(c);
        Adam adam = new Adam(parameters, LEARNING_RATE);
        return TrainingLoop.minimise(adam, ITERATIONS,
            k -> loss(energy, c, rng.rows(data, BATCH), q.sample(BATCH, rng), q));
    }
}
