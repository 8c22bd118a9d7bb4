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
 * <p>Choices: q = Gaussian fitted to the data and widened 1.75x; Adam with lr 1e-3 for 5000 iterations; each
 * iteration uses 300 data points and 300 fresh noise points.
 */
public final class NoiseContrastiveEstimation implements NoiseContrastive {
    private final double widen = 1.75;
    private final double learningRate = 1e-3;
    private final int iterations = 5000;
    private final int batchSize = 300;

    @Override
    public Tensor loss(EnergyModel energy, Tensor c, INDArray data, INDArray noise, Gaussian q) {
        Tensor dataTerm = classifierLogit(energy, c, q, data).logSigmoid().mean();
        Tensor noiseTerm = classifierLogit(energy, c, q, noise).neg().logSigmoid().mean();
        return dataTerm.add(noiseTerm).neg();
    }

    /** G(u) = log p_theta(u) - log q(u), with log p_theta(u) = -f(u) + c. */
    private Tensor classifierLogit(EnergyModel energy, Tensor c, Gaussian q, INDArray u) {
        Tensor logModel = energy.energy(Tensor.constant(u)).neg().add(c);
        Tensor logNoise = Tensor.constant(q.logDensity(u));
        return logModel.sub(logNoise);
    }

    @Override
    public double[] train(EnergyModel energy, Tensor c, INDArray data, Rng rng) {
        Gaussian q = Gaussian.fittedTo(data, widen);
        List<Tensor> parameters = new ArrayList<>(energy.parameters());
        parameters.add(c);
        Adam optimizer = new Adam(parameters, learningRate);
        return TrainingLoop.minimise(optimizer, iterations, iteration -> {
            INDArray dataBatch = rng.rows(data, batchSize);
            INDArray noiseBatch = q.sample(batchSize, rng);
            return loss(energy, c, dataBatch, noiseBatch, q);
        });
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return HyperParameters.of("noise q", "Gaussian fitted to the data, widened " + widen + "x", "optimizer", "Adam",
            "learning rate", learningRate, "iterations", iterations, "batch size", batchSize + " data + " + batchSize
                + " noise");
    }
}
