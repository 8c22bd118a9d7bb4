package org.scorelab.dsm;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.diagnostics.ModeStatistics;
import org.scorelab.diagnostics.ScoreComparison;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;

/**
 * Runs the whole assignment once: data (1.1), noise levels (3.1), network (3.2), training (3.3), the learned and
 * analytic scores compared (3.4, 3.5), and 5,000 samples (4.2), printing what a report needs.
 *
 * <p>Usage: {@code DsmAssignment [seed]} (default seed 0).
 */
public final class DsmAssignment {
    private DsmAssignment() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 0L;
        Rng rng = new Rng(seed);
        MixtureSpec spec = MixtureSpec.SHEET;
        Report out = new Report();

        INDArray data = new GaussianMixture(spec).sample(10_000, rng.split());
        double[] levels = new NoiseSchedule().noiseLevels();
        out.line("Task 1.1  %d points of %s", data.size(0), spec);
        out.line("Task 3.1  %d noise levels, sigma_1 = %.4g ... sigma_L = %.4g", levels.length, levels[0], levels[levels.length - 1]);

        EnergyNetwork network = new EnergyNetwork(rng.split());
        out.line("Task 3.2  energy network %s / sigma, %,d parameters", network.network(), network.parameterCount());

        long start = System.nanoTime();
        double[] losses = new DenoisingScoreMatching().train(network, data, levels, rng.split());
        double seconds = (System.nanoTime() - start) / 1e9;
        out.line("Task 3.3  %d iterations in %.1f s (%.2f ms each); loss %.4f (first 100) -> %.4f (last 100)",
            losses.length, seconds, 1e3 * seconds / losses.length, mean(losses, 0, 100), mean(losses, losses.length - 100, losses.length));

        LearnedModel learned = new LearnedModel();
        INDArray probe = data.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2000), org.nd4j.linalg.indexing.NDArrayIndex.all());
        out.line("Task 3.5  relative error of the learned score against the analytic one, at 2000 data points, per sigma:");
        out.line("          %s", ScoreComparison.perLevel((x, sigma) -> learned.scoreOf(network, x, sigma),
            new AnalyticScores(spec), probe, levels));

        start = System.nanoTime();
        INDArray samples = new Sampling().generate(network, levels, 5_000, rng.split());
        seconds = (System.nanoTime() - start) / 1e9;
        ModeStatistics stats = ModeStatistics.of(samples, spec);
        out.line("Task 4.2  5000 samples in %.1f s: %s", seconds, stats);
    }

    private static double mean(double[] values, int from, int to) {
        return Arrays.stream(values, Math.max(0, from), Math.min(values.length, to)).average().orElse(Double.NaN);
    }

    private static final class Report {
        void line(String format, Object... args) {
            System.out.println(String.format(Locale.ROOT, format, args));
        }
    }
}
