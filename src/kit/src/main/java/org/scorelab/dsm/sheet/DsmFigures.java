package org.scorelab.dsm.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scorelab.assignment.Grid;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.figures.Attempts;
import org.scorelab.figures.Extent;
import org.scorelab.figures.FigureBook;
import org.scorelab.figures.Page;
import org.scorelab.figures.Panel;
import org.scorelab.figures.Plots;
import org.scorelab.dsm.api.DsmSolution;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.LearnedScores;
import org.scorelab.dsm.api.PerturbedMixtureScores;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;

/**
 * The figures of the dsm sheet (its {@code figures.pdf}), made from any implementation: the data (1.1), the data
 * perturbed at sigma_1 and sigma_L (3.1), the training loss (3.3), density and score field at three noise levels,
 * the analytic mixture (3.4) above the learned model (3.5), and 5,000 annealed Langevin samples beside the data (4.2).
 * A task that is not implemented yet leaves a note in place of the figures that need it.
 */
public final class DsmFigures {
    /** Bins per side of the sheet's 2D histograms. */
    public static final int BINS = 128;
    static final int DATA = 10_000;
    static final int SAMPLES = 5_000;
    static final Extent DATA_EXTENT = new Extent(-0.2, 1.2, -0.2, 1.2);

    private DsmFigures() {
    }

    /** Runs {@code solution} with {@code seed} (training included) and lays out its figures. */
    public static FigureBook make(DsmSolution solution, long seed) {
        Rng rng = new Rng(seed);
        MixtureSpec spec = MixtureSpec.SHEET;
        Attempts attempts = new Attempts();
        INDArray data = attempts.run("1.1", () -> solution.mixture(spec).sample(DATA, rng.split()));
        double[] levels = attempts.run("3.1", () -> solution.perturbation().noiseLevels());
        EnergyModel network = attempts.run("3.2", () -> solution.energyNetwork(rng.split()));
        FigureBook book = new FigureBook();
        book.add(new Page("dsm-1-data", "Task 1.1: samples of the Gaussian mixture",
            String.format(Locale.ROOT, "%,d points of the sheet's mixture (seed %d), in %d x %d bins.", DATA, seed, BINS, BINS), 1,
            List.of(data == null ? attempts.note("data", "1.1") : Plots.histogram("data", data, DATA_EXTENT, BINS))));
        book.add(perturbed(solution, data, levels, rng.split(), attempts));

        double[] losses = null;
        double seconds = 0;
        if (data != null && levels != null && network != null) {
            System.out.println("  training (Task 3.3) ...");
            long start = System.nanoTime();
            losses = attempts.run("3.3", () -> solution.objective().train(network, data, levels, rng.split()));
            seconds = (System.nanoTime() - start) / 1e9;
        }
        book.add(new Page("dsm-3-loss", "Task 3.3: denoising score matching loss, eq. (6)",
            "The loss of every training iteration and its moving average; the table states the training choices.", 2,
            losses == null ? List.of(attempts.note("loss", "1.1", "3.1", "3.2", "3.3"))
                : List.of(Plots.lossCurve("training loss", losses), Panel.table("training", training(solution, network, losses, seconds)))));
        boolean trained = losses != null;
        book.add(scores(solution, spec, trained ? network : null, levels, attempts));

        INDArray samples = trained ? attempts.run("4.2", () -> solution.generation().generate(network, levels, SAMPLES, rng.split())) : null;
        book.add(new Page("dsm-5-samples", "Task 4.2: samples of annealed Langevin dynamics beside the data",
            String.format(Locale.ROOT, "%,d samples of the trained model (Algorithm 1) and %,d data points, in %d x %d bins.",
                SAMPLES, SAMPLES, BINS, BINS), 2,
            List.of(samples == null ? attempts.note("samples", "1.1", "3.1", "3.2", "3.3", "3.5", "4.1", "4.2")
                    : Plots.histogram("samples of the model", samples, DATA_EXTENT, BINS),
                data == null ? attempts.note("data", "1.1")
                    : Plots.histogram("data", data.get(NDArrayIndex.interval(0, SAMPLES), NDArrayIndex.all()), DATA_EXTENT, BINS))));
        return book;
    }

    /** Task 3.1: the data perturbed with the smallest and the largest noise level. */
    private static Page perturbed(DsmSolution solution, INDArray data, double[] levels, Rng rng, Attempts attempts) {
        List<Panel> panels = new ArrayList<>();
        if (data == null || levels == null) {
            panels.add(attempts.note("perturbed data", "1.1", "3.1"));
        } else {
            for (double sigma : new double[] {levels[0], levels[levels.length - 1]}) {
                INDArray sigmas = Nd4j.valueArrayOf(new long[] {data.size(0), 1}, sigma, data.dataType());
                INDArray noisy = attempts.run("3.1", () -> solution.perturbation().perturb(data, sigmas, rng));
                String title = String.format(Locale.ROOT, "perturbed with sigma = %.3g", sigma);
                panels.add(noisy == null ? attempts.note(title, "3.1") : Plots.histogram(title, noisy, around(sigma), BINS));
            }
        }
        return new Page("dsm-2-perturbed", "Task 3.1: the data perturbed at sigma_1 and sigma_L",
            levels == null ? "Needs the noise levels of Task 3.1."
                : String.format(Locale.ROOT, "x~ = x + sigma z for the %d geometric noise levels' two ends, %d x %d bins.",
                    levels.length, BINS, BINS), 2, panels);
    }

    /** Tasks 3.4 and 3.5: density and score at three levels, the exact perturbed mixture above the learned model. */
    private static Page scores(DsmSolution solution, MixtureSpec spec, EnergyModel network, double[] levels, Attempts attempts) {
        double[] shown = levels == null ? new double[0] : new double[] {levels[0], levels[levels.length / 2], levels[levels.length - 1]};
        PerturbedMixtureScores exact = attempts.run("3.4", () -> solution.analyticScores(spec));
        LearnedScores learned = network == null ? null : attempts.run("3.5", solution::learnedScores);
        Panel[] panels = new Panel[2 * shown.length];
        for (int column = 0; column < shown.length; column++) {
            double sigma = shown[column];
            Grid background = around(sigma).grid(80);
            Grid arrows = around(sigma).grid(17);
            INDArray[] top = exact == null ? null : field(attempts, "3.4", () -> exact.density(background.points(), sigma),
                () -> exact.scoreOf(arrows.points(), sigma));
            INDArray[] bottom = learned == null ? null : field(attempts, "3.5",
                () -> background.normalise(learned.unnormalisedDensity(network, background.points(), sigma)),
                () -> learned.scoreOf(network, arrows.points(), sigma));
            // One colour scale per column, so the analytic and the learned magnitudes compare at a glance.
            double max = Math.max(maxNorm(top), maxNorm(bottom));
            String analytic = String.format(Locale.ROOT, "analytic, sigma = %.3g", sigma);
            String model = String.format(Locale.ROOT, "learned, sigma = %.3g", sigma);
            panels[column] = top == null ? attempts.note(analytic, "3.4")
                : Plots.scoreField(analytic, arrows, top[1], background, background.reshape(top[0]), max);
            panels[shown.length + column] = bottom == null ? attempts.note(model, "1.1", "3.1", "3.2", "3.3", "3.5")
                : Plots.scoreField(model, arrows, bottom[1], background, background.reshape(bottom[0]), max);
        }
        List<Panel> all = panels.length == 0 ? List.of(attempts.note("density and score", "3.1")) : List.of(panels);
        return new Page("dsm-4-scores", "Tasks 3.4 and 3.5: density and score of the perturbed data",
            "Grey: the density p_sigma (learned: exp(-f) normalised on the frame). Arrows: the score's direction, coloured by "
                + "its magnitude (one scale per column). Top: the analytic mixture; bottom: the trained network.",
            Math.max(1, shown.length), all);
    }

    /** {density, score} from the two steps of {@code task}, or null if either could not run. */
    private static INDArray[] field(Attempts attempts, String task, Supplier<INDArray> density, Supplier<INDArray> score) {
        INDArray d = attempts.run(task, density);
        INDArray s = attempts.run(task, score);
        return d == null || s == null ? null : new INDArray[] {d, s.reshape(s.size(0), 2)};
    }

    /** The largest finite score norm of a field, or 0. */
    private static double maxNorm(INDArray[] field) {
        return field == null ? 0 : Plots.maxNorm(field[1]);
    }

    /**
     * The frame for data perturbed by sigma: the mixture's square widened by three sigma. The hidden end-to-end check
     * saves a score field on it, and the grader draws the exact one on it.
     */
    public static Extent around(double sigma) {
        return Extent.around(0.5, 0.5, 0.7 + 3 * sigma);
    }

    private static List<String[]> training(DsmSolution solution, EnergyModel network, double[] losses, double seconds) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"iterations run", String.format(Locale.ROOT, "%,d", losses.length)});
        rows.add(new String[] {"training time", String.format(Locale.ROOT, "%.1f s (%.2f ms per iteration)", seconds, 1e3 * seconds / losses.length)});
        rows.add(new String[] {"network parameters", String.format(Locale.ROOT, "%,d", network.parameterCount())});
        rows.add(new String[] {"loss", String.format(Locale.ROOT, "%.4f (first 100) -> %.4f (last 100)", mean(losses, 0, 100),
            mean(losses, losses.length - 100, losses.length))});
        Map<String, Object> stated = solution.objective().hyperParameters();
        stated.forEach((name, value) -> rows.add(new String[] {name, HyperParameters.format(value)}));
        if (stated.isEmpty()) {
            rows.add(new String[] {"choices", "not stated: override hyperParameters() in your DenoisingObjective"});
        }
        return rows;
    }

    /** The mean of {@code values[from, to)}, clipped to the array; NaN if empty. */
    private static double mean(double[] values, int from, int to) {
        return java.util.Arrays.stream(values, Math.max(0, from), Math.min(values.length, to)).average().orElse(Double.NaN);
    }
}
