package org.scorelab.dsm.sheet;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scorelab.assignment.Attempt;
import org.scorelab.course.EndToEnd;
import org.scorelab.diagnostics.ModeStatistics;
import org.scorelab.diagnostics.ScoreComparison;
import org.scorelab.dsm.api.DsmSolution;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.LearnedScores;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;

/**
 * Runs the whole assignment once: data (1.1), noise levels (3.1), network (3.2), training (3.3), the learned score
 * against the analytic one (3.4, 3.5) and 5,000 samples (4.2), printing the figures a report needs. A task that is
 * not implemented yet is reported and the steps that need it are skipped.
 *
 * <p>The reference and the template call it from their {@code DsmAssignment.main}, through
 * {@link org.scorelab.dsm.api.DsmRun}.
 */
public final class DsmEndToEnd implements EndToEnd<DsmSolution> {
    @Override
    public Class<DsmSolution> solutionType() {
        return DsmSolution.class;
    }

    /** Runs {@code solution} with the seed given as the first argument (default 0). */
    @Override
    public void run(DsmSolution solution, String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 0L;
        Rng rng = new Rng(seed);
        MixtureSpec spec = MixtureSpec.SHEET;
        line("dsm assignment, seed %d", seed);

        INDArray data = attempt(() -> solution.mixture(spec).sample(10_000, rng.split()));
        double[] levels = attempt(() -> solution.perturbation().noiseLevels());
        EnergyModel network = attempt(() -> solution.energyNetwork(rng.split()));
        if (data != null) {
            line("Task 1.1  %d points of %s", data.size(0), spec);
        }
        if (levels != null) {
            line("Task 3.1  %d noise levels, sigma_1 = %.4g ... sigma_L = %.4g", levels.length, levels[0], levels[levels.length - 1]);
        }
        if (network != null) {
            line("Task 3.2  energy network with %,d parameters", network.parameterCount());
        }
        if (data == null || levels == null || network == null) {
            line("Training and sampling need tasks 1.1, 3.1 and 3.2: stopping here.");
            return;
        }

        long start = System.nanoTime();
        double[] losses = attempt(() -> solution.objective().train(network, data, levels, rng.split()));
        if (losses == null) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        line("Task 3.3  %d iterations in %.1f s (%.2f ms each); loss %.4f (first 100) -> %.4f (last 100)", losses.length,
            seconds, 1e3 * seconds / losses.length, mean(losses, 0, 100), mean(losses, losses.length - 100, losses.length));

        LearnedScores learned = solution.learnedScores();
        INDArray probe = data.get(NDArrayIndex.interval(0, 2000), NDArrayIndex.all());
        String errors = attempt(() -> ScoreComparison.perLevel((x, sigma) -> learned.scoreOf(network, x, sigma),
            solution.analyticScores(spec), probe, levels));
        if (errors != null) {
            line("Task 3.5  relative error of the learned score against the analytic one at 2000 data points, per sigma:");
            line("          %s", errors);
        }

        start = System.nanoTime();
        INDArray samples = attempt(() -> solution.generation().generate(network, levels, 5_000, rng.split()));
        if (samples != null) {
            line("Task 4.2  5000 samples in %.1f s: %s", (System.nanoTime() - start) / 1e9, ModeStatistics.of(samples, spec));
        }
    }

    /** The value of {@code step}, or null (after saying so) if a task it needs is not implemented, or failed. */
    private static <T> T attempt(Supplier<T> step) {
        Attempt<T> a = Attempt.of(step);
        if (a instanceof Attempt.Missing<T> m) {
            line("Task %s  not implemented yet: skipped", m.task());
        } else if (a instanceof Attempt.Failed<T> f) { // a broken task must not hide the others' results
            line("          failed: %s", f.error());
        }
        return a.orNull();
    }

    /** The mean of {@code values[from, to)}, clipped to the array; NaN if empty. */
    static double mean(double[] values, int from, int to) {
        return Arrays.stream(values, Math.max(0, from), Math.min(values.length, to)).average().orElse(Double.NaN);
    }

    private static void line(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
