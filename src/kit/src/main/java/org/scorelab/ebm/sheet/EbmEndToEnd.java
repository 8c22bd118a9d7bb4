package org.scorelab.ebm.sheet;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.assignment.Attempt;
import org.scorelab.course.EndToEnd;
import org.scorelab.autograd.Tensor;
import org.scorelab.data.Gaussian;
import org.scorelab.data.ToyData;
import org.scorelab.diagnostics.GridDensity;
import org.scorelab.diagnostics.Mmd;
import org.scorelab.ebm.api.EbmSolution;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.api.ScoreField;
import org.scorelab.ebm.api.ScoreModel;
import org.scorelab.ebm.models.MlpEnergy;
import org.scorelab.ebm.models.MlpScore;
import org.scorelab.random.Rng;

/**
 * Runs the whole {@code ebm} assignment once: each method trained on its data set of the sheet (maximum likelihood on
 * swiss-roll, NCE on gaussians, implicit and denoising score matching on rings), printing training time, the loss,
 * and how good the trained model is against a Gaussian fitted to the data:
 * <ul>
 *   <li>energy models: the held-out log-likelihood, exact up to quadrature ({@link GridDensity});
 *   <li>NCE also: the learned c against the true log(1/z) of the trained energy;
 *   <li>every model: MMD^2 between {@value #SAMPLES} Langevin samples and fresh data ({@link Mmd}).
 * </ul>
 * A task that is not implemented yet is reported and skipped. The reference and the template call it from their
 * {@code EbmAssignment.main}, through {@link org.scorelab.ebm.api.EbmRun}.
 */
public final class EbmEndToEnd implements EndToEnd<EbmSolution> {
    public static final int DATA = 10_000;
    public static final int SAMPLES = 2_000;
    public static final int STEPS = 1_000;
    public static final double STEP_SIZE = 1e-3;
    public static final double BANDWIDTH = 0.2;

    @Override
    public Class<EbmSolution> solutionType() {
        return EbmSolution.class;
    }

    /**
     * Runs {@code solution} with the seed given as the first argument (default 0); a second argument picks tasks, e.g.
     * "2.2" or "1.3,3.2.2" (default: all). Each task gets its own generator split from the seed, so a task's result
     * does not depend on which others run.
     */
    @Override
    public void run(EbmSolution solution, String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 0L;
        List<String> tasks = args.length > 1 ? List.of(args[1].split(",")) : List.of("1.3", "2.2", "3.1.1", "3.2.2");
        Rng rng = new Rng(seed);
        Rng[] streams = {rng.split(), rng.split(), rng.split(), rng.split()};
        line("ebm assignment, seed %d; quality against a Gaussian fitted to the data; MMD^2 with bandwidth %.1f", seed, BANDWIDTH);
        if (tasks.contains("1.3")) {
            attempt(() -> maximumLikelihood(solution, streams[0]));
        }
        if (tasks.contains("2.2")) {
            attempt(() -> noiseContrastive(solution, streams[1]));
        }
        if (tasks.contains("3.1.1")) {
            attempt(() -> scoreMatching("3.1.1", "implicit score matching", solution,
                (model, data, r) -> solution.implicitScoreMatching().train(model, data, r), streams[2]));
        }
        if (tasks.contains("3.2.2")) {
            attempt(() -> scoreMatching("3.2.2", "denoising score matching", solution,
                (model, data, r) -> solution.denoisingScoreMatching().train(model, data, r), streams[3]));
        }
    }

    private static Object maximumLikelihood(EbmSolution solution, Rng rng) {
        INDArray data = ToyData.SWISS_ROLL.sample(DATA, rng);
        MlpEnergy energy = MlpEnergy.create(rng);
        long start = System.nanoTime();
        double[] losses = solution.maximumLikelihood().train(energy, data, solution.sampler(), rng);
        report("1.3", "maximum likelihood on swiss-roll", losses, start);
        energyQuality(energy, GridDensity.of(energy, 6, 300), ToyData.SWISS_ROLL, solution, rng);
        return null;
    }

    private static Object noiseContrastive(EbmSolution solution, Rng rng) {
        INDArray data = ToyData.GAUSSIANS.sample(DATA, rng);
        MlpEnergy energy = MlpEnergy.create(rng);
        Tensor c = Tensor.variable(Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 1));
        long start = System.nanoTime();
        double[] losses = solution.noiseContrastive().train(energy, c, data, rng);
        report("2.2", "NCE on gaussians", losses, start);
        GridDensity density = GridDensity.of(energy, 6, 300);
        line("          learned c = %.3f; log(1/z) of the trained energy by quadrature = %.3f", c.item(), -density.logZ());
        energyQuality(energy, density, ToyData.GAUSSIANS, solution, rng);
        return null;
    }

    /** A score-matching method: trains a fresh score model on rings and compares its Langevin samples with the data. */
    private static Object scoreMatching(String task, String method, EbmSolution solution, Trainer trainer, Rng rng) {
        INDArray data = ToyData.RINGS.sample(DATA, rng);
        MlpScore model = MlpScore.create(rng);
        long start = System.nanoTime();
        double[] losses = trainer.train(model, data, rng);
        report(task, method + " on rings", losses, start);
        samplesQuality(ScoreField.of(model), ToyData.RINGS, solution, rng);
        return null;
    }

    private static void energyQuality(EnergyModel energy, GridDensity density, ToyData set, EbmSolution solution, Rng rng) {
        INDArray heldOut = set.sample(DATA, rng);
        Gaussian fitted = Gaussian.fittedTo(heldOut, 1.0);
        double model = density.meanLogLikelihood(energy, heldOut);
        double baseline = Arrays.stream(fitted.logDensity(heldOut).data().asDouble()).average().orElseThrow();
        line("          held-out log-likelihood %.3f nats/point (fitted Gaussian %.3f)", model, baseline);
        attempt(() -> {
            samplesQuality(solution.sampler().scoreOf(energy), set, solution, rng);
            return null;
        });
    }

    private static void samplesQuality(ScoreField score, ToyData set, EbmSolution solution, Rng rng) {
        INDArray fresh = set.sample(SAMPLES, rng);
        Gaussian fitted = Gaussian.fittedTo(fresh, 1.0);
        long start = System.nanoTime();
        INDArray samples = solution.sampler().sample(score, fitted.sample(SAMPLES, rng), STEP_SIZE, STEPS, rng);
        double seconds = (System.nanoTime() - start) / 1e9;
        line("          %d Langevin samples (%d steps of %.0e, %.1f s): MMD^2 to fresh data %.4f (fitted Gaussian %.4f)",
            SAMPLES, STEPS, STEP_SIZE, seconds, Mmd.squared(samples, fresh, BANDWIDTH),
            Mmd.squared(fitted.sample(SAMPLES, rng), fresh, BANDWIDTH));
    }

    private static void report(String task, String what, double[] losses, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        line("Task %-6s %s: %d iterations in %.1f s (%.2f ms each); loss %.4f (first 100) -> %.4f (last 100)", task, what,
            losses.length, seconds, 1e3 * seconds / losses.length, mean(losses, 0, 100),
            mean(losses, losses.length - 100, losses.length));
    }

    @FunctionalInterface
    private interface Trainer {
        double[] train(ScoreModel model, INDArray data, Rng rng);
    }

    /** Runs {@code step}; a task that is not implemented yet, or that fails, is reported, and the rest goes on. */
    private static void attempt(Supplier<Object> step) {
        Attempt<Object> a = Attempt.of(step);
        if (a instanceof Attempt.Missing<Object> m) {
            line("Task %-6s not implemented yet: skipped", m.task());
        } else if (a instanceof Attempt.Failed<Object> f) { // a broken task must not hide the others' results
            line("          failed: %s", f.error());
        }
    }

    private static double mean(double[] values, int from, int to) {
        return Arrays.stream(values, Math.max(0, from), Math.min(values.length, to)).average().orElse(Double.NaN);
    }

    private static void line(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
