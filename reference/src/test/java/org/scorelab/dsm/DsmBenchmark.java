package org.scorelab.dsm;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.optim.Adam;
import org.scorelab.random.Rng;

/**
 * Prints the figures of the speed targets: one DSM training step (network 3-64-64-1 ELU, float64, Adam) at batch
 * 1,000 and 10,000, and annealed Langevin sampling of 5,000 points with the learned score (L = 10, T = 100).
 * Each figure is the median of 5 runs after warm-up, in the same JVM.
 *
 * <p>Run: {@code mvn -B -q -pl reference exec:java -Dexec.mainClass=org.scorelab.dsm.DsmBenchmark -Dexec.classpathScope=test}
 */
public final class DsmBenchmark {
    private DsmBenchmark() {
    }

    public static void main(String[] args) {
        Rng rng = new Rng(0);
        INDArray data = new GaussianMixture(MixtureSpec.SHEET).sample(10_000, rng.split());
        double[] levels = new NoiseSchedule().noiseLevels();
        EnergyNetwork network = new EnergyNetwork(rng.split());
        DenoisingScoreMatching dsm = new DenoisingScoreMatching();
        Adam adam = new Adam(network.parameters(), 1e-4);
        for (int batch : new int[] {1_000, 10_000}) {
            INDArray x = rng.rows(data, batch);
            double[] perStep = median(5, () -> timeSteps(50, () -> adam.step(() -> dsm.loss(network, x, levels, rng))));
            print("DSM training step, batch %,d: %.2f ms (median of 5 x 50 steps; spread %.2f-%.2f)", batch, perStep[0], perStep[1], perStep[2]);
        }
        AnnealedLangevin sampler = new AnnealedLangevin();
        LearnedModel learned = new LearnedModel();
        double[] sampling = median(3, () -> {
            long t = System.nanoTime();
            sampler.sample((x, s) -> learned.scoreOf(network, x, s), rng.uniform(0, 1, 5_000, 2), levels, 5e-5, 100, rng);
            return (System.nanoTime() - t) / 1e6;
        });
        print("annealed Langevin, 5,000 points, L = 10, T = 100: %.2f s (median of 3; spread %.2f-%.2f)",
            sampling[0] / 1e3, sampling[1] / 1e3, sampling[2] / 1e3);
    }

    private static double timeSteps(int steps, Runnable step) {
        for (int i = 0; i < 10; i++) {
            step.run();
        }
        long t = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            step.run();
        }
        return (System.nanoTime() - t) / 1e6 / steps;
    }

    /** {median, min, max} of {@code runs} measurements. */
    private static double[] median(int runs, java.util.function.DoubleSupplier measure) {
        double[] v = new double[runs];
        for (int i = 0; i < runs; i++) {
            v[i] = measure.getAsDouble();
        }
        Arrays.sort(v);
        return new double[] {v[runs / 2], v[0], v[runs - 1]};
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
