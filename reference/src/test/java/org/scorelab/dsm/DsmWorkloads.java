package org.scorelab.dsm;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.bench.Workload;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.optim.Adam;
import org.scorelab.optim.ParameterAverage;
import org.scorelab.random.Rng;

/**
 * The dsm reference's rows of the speed table (issue 20), on the data and network of {@link org.scorelab.dsm.api.DsmRun}: 10,000 points of
 * the sheet's mixture and the energy network 3-64-64-1 ELU of {@link EnergyNetwork}, float64.
 */
public final class DsmWorkloads {
    private static final int DATA = 10_000;

    private DsmWorkloads() {
    }

    /** The DSM training step at batch 128, 1,000 and 10,000, then annealed Langevin of 5,000 points. */
    public static List<Workload> all(Rng rng) {
        return List.of(trainingStep(128, 200, rng.split()), trainingStep(1_000, 50, rng.split()),
            trainingStep(10_000, 10, rng.split()), annealedLangevin(rng.split()));
    }

    /**
     * One iteration of {@link DenoisingScoreMatching#train}'s loop with {@code batch} noisy points: batch / 2 data points
     * with replacement, a level and a noise z each, used as x + sigma z and x - sigma z; the Adam step on loss (6); the
     * moving average of the weights. (The learning-rate schedule, one number set per iteration, is left out.)
     */
    static Workload trainingStep(int batch, int steps, Rng rng) {
        INDArray data = new GaussianMixture(MixtureSpec.SHEET).sample(DATA, rng.split());
        double[] levels = new NoiseSchedule().noiseLevels();
        EnergyNetwork network = new EnergyNetwork(rng.split());
        DenoisingScoreMatching dsm = new DenoisingScoreMatching();
        Adam adam = new Adam(network.parameters(), DenoisingScoreMatching.LEARNING_RATE);
        ParameterAverage average = new ParameterAverage(network.parameters(), DenoisingScoreMatching.AVERAGE_DECAY);
        int half = batch / 2;
        return new Workload("dsm_step_b" + batch, steps, steps, () -> {
            INDArray points = rng.rows(data, half);
            int[] index = rng.integers(half, levels.length);
            double[] sigmas = new double[batch];
            for (int i = 0; i < half; i++) {
                sigmas[i] = levels[index[i]];
                sigmas[half + i] = sigmas[i];
            }
            INDArray sigma = Nd4j.createFromArray(sigmas).reshape(batch, 1);
            INDArray z = rng.normal(half, 2);
            INDArray both = Nd4j.vstack(points, points);
            INDArray noisy = both.add(Nd4j.vstack(z, z.neg()).muliColumnVector(sigma));
            adam.step(() -> dsm.loss(network, both, noisy, sigma));
            average.update();
        });
    }

    /**
     * Task 4.2's sampling as {@link Sampling#generate} runs it: 5,000 points from the uniform start, L = 10 levels,
     * T = 100 steps per level, epsilon = 5e-5, the score of a (fresh) energy network. Timed once per repeat, no
     * warm-up: the training steps before it run the same code.
     */
    static Workload annealedLangevin(Rng rng) {
        EnergyNetwork network = new EnergyNetwork(rng.split());
        double[] levels = new NoiseSchedule().noiseLevels();
        Sampling sampling = new Sampling();
        return new Workload("annealed_langevin_5000x10x100", 1, 0, () -> sampling.generate(network, levels, 5_000, rng));
    }
}
