package org.scorelab.ebm;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;
import org.scorelab.bench.Workload;
import org.scorelab.data.Gaussian;
import org.scorelab.data.ToyData;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.models.MlpEnergy;
import org.scorelab.ebm.models.MlpScore;
import org.scorelab.ebm.models.ReplayBuffer;
import org.scorelab.optim.Adam;
import org.scorelab.random.Rng;

/**
 * The ebm reference's rows of the speed table (issue 20): one iteration of each training loop as it runs in
 * {@link org.scorelab.ebm.api.EbmRun}, on the same data set (10,000 points) and the kit's networks 2-64-64-{1,2}
 * SiLU, float64, Adam. The learning-rate schedules, one number set per iteration, are left out.
 */
public final class EbmWorkloads {
    private static final int DATA = 10_000;

    private EbmWorkloads() {
    }

    /** ISM, DSM and NCE at batch 128 and 1,000, then the maximum-likelihood iteration and its two parts. */
    public static List<Workload> all(Rng rng) {
        List<Workload> all = new ArrayList<>();
        for (int batch : new int[] {128, 1_000}) {
            int steps = batch == 128 ? 200 : 50;
            all.add(implicitScoreMatchingStep(batch, steps, rng.split()));
            all.add(denoisingScoreMatchingStep(batch, steps, rng.split()));
            all.add(noiseContrastiveStep(batch, steps, rng.split()));
        }
        all.addAll(maximumLikelihood(rng.split()));
        return all;
    }

    /** {@link ImplicitScoreMatchingTraining#train}'s step on rings: a batch with replacement, the trace by two VJPs. */
    static Workload implicitScoreMatchingStep(int batch, int steps, Rng rng) {
        INDArray data = ToyData.RINGS.sample(DATA, rng.split());
        MlpScore model = MlpScore.create(rng.split());
        Adam adam = new Adam(model.parameters(), ImplicitScoreMatchingTraining.LEARNING_RATE);
        ImplicitScoreMatchingTraining ism = new ImplicitScoreMatchingTraining();
        return new Workload("ism_step_b" + batch, steps, steps, () -> adam.step(() -> ism.loss(model, rng.rows(data, batch))));
    }

    /** {@link DenoisingScoreMatchingTraining#train}'s step on rings: a batch with replacement and fresh noise. */
    static Workload denoisingScoreMatchingStep(int batch, int steps, Rng rng) {
        INDArray data = ToyData.RINGS.sample(DATA, rng.split());
        MlpScore model = MlpScore.create(rng.split());
        Adam adam = new Adam(model.parameters(), DenoisingScoreMatchingTraining.LEARNING_RATE);
        DenoisingScoreMatchingTraining dsm = new DenoisingScoreMatchingTraining();
        double sigma = DenoisingScoreMatchingTraining.SIGMA;
        return new Workload("ebm_dsm_step_b" + batch, steps, steps, () -> adam.step(() -> {
            INDArray x = rng.rows(data, batch);
            return dsm.loss(model, x, x.add(rng.normal(batch, 2).muli(sigma)), sigma);
        }));
    }

    /** {@link NoiseContrastiveEstimation#train}'s step on gaussians: a data batch and as many fresh noise points. */
    static Workload noiseContrastiveStep(int batch, int steps, Rng rng) {
        INDArray data = ToyData.GAUSSIANS.sample(DATA, rng.split());
        MlpEnergy energy = MlpEnergy.create(rng.split());
        Tensor c = Tensor.variable(Nd4j.zeros(DataType.DOUBLE, 1, 1));
        Gaussian q = Gaussian.fittedTo(data, NoiseContrastiveEstimation.WIDEN);
        List<Tensor> parameters = new ArrayList<>(energy.parameters());
        parameters.add(c);
        Adam adam = new Adam(parameters, NoiseContrastiveEstimation.LEARNING_RATE);
        NoiseContrastiveEstimation nce = new NoiseContrastiveEstimation();
        return new Workload("nce_step_b" + batch, steps, steps,
            () -> adam.step(() -> nce.loss(energy, c, rng.rows(data, batch), q.sample(batch, rng), q)));
    }

    /**
     * {@link MaximumLikelihoodTraining#train}'s iteration on swiss-roll: 256 data points against 256 chains drawn from
     * the replay buffer and continued by 20 Langevin steps of 0.005, stored back, the Adam step on the regularised loss;
     * and, to profile it, its two parts: one Langevin step of the 256 chains, and the Adam step given the samples.
     */
    static List<Workload> maximumLikelihood(Rng rng) {
        INDArray data = ToyData.SWISS_ROLL.sample(DATA, rng.split());
        MlpEnergy energy = MlpEnergy.create(rng.split());
        Langevin sampler = new Langevin();
        ReplayBuffer buffer = new ReplayBuffer(Gaussian.fittedTo(data, 1.5), 10_000, MaximumLikelihoodTraining.RESTART, rng);
        Adam adam = new Adam(energy.parameters(), MaximumLikelihoodTraining.LEARNING_RATE);
        int batch = MaximumLikelihoodTraining.BATCH;
        double stepSize = MaximumLikelihoodTraining.STEP_SIZE;
        Workload iteration = new Workload("ml_iteration_b" + batch, 20, 20, () -> adam.step(() -> {
            INDArray x = rng.rows(data, batch);
            INDArray chains = buffer.draw(batch);
            INDArray samples = sampler.sample(sampler.scoreOf(energy), chains, stepSize, MaximumLikelihoodTraining.STEPS, rng);
            buffer.store(samples);
            return regularisedLoss(energy, x, samples);
        }));
        INDArray x = rng.rows(data, batch);
        INDArray chains = buffer.draw(batch);
        Workload langevinStep = new Workload("ml_part_langevin_step_b" + batch, 200, 200,
            () -> sampler.sample(sampler.scoreOf(energy), chains, stepSize, 1, rng));
        Workload lossStep = new Workload("ml_part_loss_step_b" + batch, 200, 200,
            () -> adam.step(() -> regularisedLoss(energy, x, chains)));
        return List.of(iteration, langevinStep, lossStep);
    }

    /** The loss of {@link MaximumLikelihoodTraining#train}: mean f(data) - mean f(samples) plus the energy penalty. */
    private static Tensor regularisedLoss(EnergyModel energy, INDArray x, INDArray samples) {
        Tensor fData = energy.energy(Tensor.constant(x));
        Tensor fModel = energy.energy(Tensor.constant(samples));
        Tensor regulariser = fData.square().mean().add(fModel.square().mean()).mul(MaximumLikelihoodTraining.REGULARISATION);
        return fData.mean().sub(fModel.mean()).add(regulariser);
    }
}
