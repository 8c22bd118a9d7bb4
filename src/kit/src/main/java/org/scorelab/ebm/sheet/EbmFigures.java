package org.scorelab.ebm.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.assignment.Grid;
import org.scorelab.assignment.HyperParameters;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Tensor;
import org.scorelab.data.Gaussian;
import org.scorelab.data.ToyData;
import org.scorelab.ebm.api.EbmSolution;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.api.ScoreField;
import org.scorelab.ebm.api.ScoreModel;
import org.scorelab.ebm.models.MlpEnergy;
import org.scorelab.ebm.models.MlpScore;
import org.scorelab.figures.Attempts;
import org.scorelab.figures.Extent;
import org.scorelab.figures.FigureBook;
import org.scorelab.figures.Page;
import org.scorelab.figures.Panel;
import org.scorelab.figures.Plots;
import org.scorelab.random.Rng;

/**
 * The figures of the ebm sheet, one page per method, each trained on its data set of the sheet (as {@link EbmEndToEnd}):
 * the energy landscape exp(-f)/z (energy methods), the score field, Langevin samples beside the data, the loss curve
 * and a table of the method's hyper-parameters. A task that is not implemented yet leaves a note in its place.
 */
public final class EbmFigures {
    static final Extent EXTENT = Extent.around(0, 0, 4);

    private EbmFigures() {
    }

    /** Trains every method of {@code solution} with {@code seed} and lays out its figures, one page per method. */
    public static FigureBook make(EbmSolution solution, long seed) {
        Rng rng = new Rng(seed);
        Rng[] streams = {rng.split(), rng.split(), rng.split(), rng.split()};
        Attempts attempts = new Attempts();
        FigureBook book = new FigureBook();
        book.add(energyPage("ebm-1-ml", "1.3", "maximum likelihood", ToyData.SWISS_ROLL, solution, attempts, streams[0],
            solution::maximumLikelihood, (energy, data, r) -> solution.maximumLikelihood().train(energy, data, solution.sampler(), r)));
        book.add(energyPage("ebm-2-nce", "2.2", "noise-contrastive estimation", ToyData.GAUSSIANS, solution, attempts, streams[1],
            solution::noiseContrastive, (energy, data, r) -> solution.noiseContrastive().train(energy,
                Tensor.variable(Nd4j.zeros(DataType.DOUBLE, 1, 1)), data, r)));
        book.add(scorePage("ebm-3-ism", "3.1.1", "implicit score matching", solution, attempts, streams[2],
            solution::implicitScoreMatching, (model, data, r) -> solution.implicitScoreMatching().train(model, data, r)));
        book.add(scorePage("ebm-4-dsm", "3.2.2", "denoising score matching", solution, attempts, streams[3],
            solution::denoisingScoreMatching, (model, data, r) -> solution.denoisingScoreMatching().train(model, data, r)));
        return book;
    }

    @FunctionalInterface
    private interface Trainer<M> {
        double[] train(M model, INDArray data, Rng rng);
    }

    private static Page energyPage(String name, String task, String method, ToyData set, EbmSolution solution, Attempts attempts,
        Rng rng, java.util.function.Supplier<HyperParameters> choices, Trainer<EnergyModel> trainer) {
        INDArray data = set.sample(EbmEndToEnd.DATA, rng);
        MlpEnergy energy = MlpEnergy.create(rng);
        Training run = train(task, method, set, energy, data, rng, attempts, trainer);
        List<Panel> panels = new ArrayList<>();
        if (run == null) {
            panels.add(attempts.note(method, task));
        } else {
            Grid grid = EXTENT.grid(120);
            INDArray f = Autograd.noGrad(() -> energy.energy(Tensor.constant(grid.points())).value());
            panels.add(Plots.heatMap("energy landscape exp(-f) / z", grid, grid.reshape(density(f, grid)), "density"));
            ScoreField score = attempts.run("1.3", () -> solution.sampler().scoreOf(energy));
            panels.add(score == null ? attempts.note("score field", "1.3") : field(score, data));
            panels.add(samples(solution, score, set, rng, attempts));
            panels.add(Plots.lossCurve("loss", run.losses()));
            panels.add(Panel.table("hyper-parameters", table(run, choices, attempts, task)));
        }
        return page(name, task, method, set, panels);
    }

    private static Page scorePage(String name, String task, String method, EbmSolution solution, Attempts attempts, Rng rng,
        java.util.function.Supplier<HyperParameters> choices, Trainer<ScoreModel> trainer) {
        ToyData set = ToyData.RINGS;
        INDArray data = set.sample(EbmEndToEnd.DATA, rng);
        MlpScore model = MlpScore.create(rng);
        Training run = train(task, method, set, model, data, rng, attempts, trainer);
        List<Panel> panels = new ArrayList<>();
        if (run == null) {
            panels.add(attempts.note(method, task));
        } else {
            ScoreField score = ScoreField.of(model);
            panels.add(field(score, data));
            panels.add(samples(solution, score, set, rng, attempts));
            panels.add(Plots.lossCurve("loss", run.losses()));
            panels.add(Panel.table("hyper-parameters", table(run, choices, attempts, task)));
        }
        return page(name, task, method, set, panels);
    }

    private record Training(double[] losses, double seconds) {
    }

    private static <M> Training train(String task, String method, ToyData set, M model, INDArray data, Rng rng, Attempts attempts,
        Trainer<M> trainer) {
        System.out.println("  training " + method + " on " + set.id() + " (Task " + task + ") ...");
        long start = System.nanoTime();
        double[] losses = attempts.run(task, () -> trainer.train(model, data, rng));
        return losses == null ? null : new Training(losses, (System.nanoTime() - start) / 1e9);
    }

    private static Page page(String name, String task, String method, ToyData set, List<Panel> panels) {
        return new Page(name, "Task " + task + ": " + method + " on " + set.id(),
            String.format(Locale.ROOT, "Trained on %,d points; %,d Langevin samples (%,d steps of %.0e from a Gaussian fitted to "
                + "the data) beside %,d fresh data points.", EbmEndToEnd.DATA, EbmEndToEnd.SAMPLES, EbmEndToEnd.STEPS, EbmEndToEnd.STEP_SIZE,
                EbmEndToEnd.SAMPLES), 3, panels);
    }

    /** The score field on a 21 x 21 grid over a grey 2D histogram of the data. */
    private static Panel field(ScoreField score, INDArray data) {
        Grid arrows = EXTENT.grid(21);
        return Plots.scoreField("score field (grey: the data)", arrows, score.scoreAt(arrows.points()), EXTENT.binCentres(60),
            Plots.counts(data, EXTENT, 60));
    }

    private static Panel samples(EbmSolution solution, ScoreField score, ToyData set, Rng rng, Attempts attempts) {
        if (score == null) {
            return attempts.note("Langevin samples", "1.3");
        }
        INDArray fresh = set.sample(EbmEndToEnd.SAMPLES, rng);
        Gaussian start = Gaussian.fittedTo(fresh, 1.0);
        INDArray samples = attempts.run("1.3", () -> solution.sampler().sample(score, start.sample(EbmEndToEnd.SAMPLES, rng),
            EbmEndToEnd.STEP_SIZE, EbmEndToEnd.STEPS, rng));
        return samples == null ? attempts.note("Langevin samples", "1.3")
            : Plots.scatter("Langevin samples", EXTENT, fresh, "data", samples, "samples");
    }

    /** exp(-f) / z with z the Riemann sum over the frame; f shifted by its minimum first so exp cannot overflow. */
    private static INDArray density(INDArray f, Grid grid) {
        INDArray shifted = f.sub(f.minNumber().doubleValue()).neg();
        return grid.normalise(org.nd4j.linalg.ops.transforms.Transforms.exp(shifted, true));
    }

    private static List<String[]> table(Training run, java.util.function.Supplier<HyperParameters> method, Attempts attempts, String task) {
        List<String[]> rows = new ArrayList<>();
        double[] losses = run.losses();
        rows.add(new String[] {"iterations run", String.format(Locale.ROOT, "%,d", losses.length)});
        rows.add(new String[] {"training time", String.format(Locale.ROOT, "%.1f s", run.seconds())});
        rows.add(new String[] {"final loss", String.format(Locale.ROOT, "%.4f (mean of the last 100)",
            java.util.Arrays.stream(losses, Math.max(0, losses.length - 100), losses.length).average().orElse(Double.NaN))});
        HyperParameters stated = attempts.run(task, method);
        Map<String, Object> choices = stated == null ? Map.of() : stated.hyperParameters();
        choices.forEach((name, value) -> rows.add(new String[] {name, HyperParameters.format(value)}));
        if (choices.isEmpty()) {
            rows.add(new String[] {"choices", "not stated: override hyperParameters() in the task's class"});
        }
        return rows;
    }
}
