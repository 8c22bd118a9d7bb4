package org.scorelab.suites.dsm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scorelab.assignment.Grid;
import org.scorelab.course.ReportFigure;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.dsm.sheet.DsmFigures;
import org.scorelab.figures.Extent;
import org.scorelab.figures.Page;
import org.scorelab.figures.Panel;
import org.scorelab.figures.Plots;
import org.scorelab.random.Rng;

/**
 * The dsm report's picture of what a submission's trained model does, beside what it should do, from the numbers
 * {@link EndToEndTests} leaves: the histogram of its 5,000 samples next to as many points of the exact mixture, and
 * its score field next to the exact score of the perturbed mixture at the same noise level ({@link MixtureTruth}).
 */
public final class EndToEndFigure implements ReportFigure {
    private static final Extent DATA = new Extent(-0.2, 1.2, -0.2, 1.2);

    @Override
    public String assignment() {
        return "dsm";
    }

    @Override
    public Optional<Page> draw(Artifacts artifacts) {
        Optional<Table> samples = artifacts.table("dsm-samples.csv", 2);
        Optional<Table> field = artifacts.table("dsm-score-field.csv", 4);
        MixtureTruth truth = new MixtureTruth(MixtureSpec.SHEET);
        List<Panel> panels = new ArrayList<>();
        samples.ifPresent(table -> {
            panels.add(Plots.histogram("samples of your trained model", points(table.rows(), 0), DATA, DsmFigures.BINS));
            panels.add(Plots.histogram("exact mixture", truth.sample(table.rows().length, new Rng(0)), DATA, DsmFigures.BINS));
        });
        Optional<Double> sigma = field.flatMap(EndToEndFigure::sigma);
        if (sigma.isPresent()) {
            double[][] rows = field.get().rows();
            int m = (int) Math.round(Math.sqrt(rows.length));
            if (m * m == rows.length && m >= 2) {
                Grid arrows = DsmFigures.around(sigma.get()).grid(m);
                INDArray yours = points(rows, 2);
                INDArray exact = truth.scores(arrows.points(), sigma.get());
                double max = Math.max(Plots.maxNorm(yours), Plots.maxNorm(exact));
                String level = String.format(Locale.ROOT, "sigma = %.3g", sigma.get());
                panels.add(Plots.scoreField("your learned score, " + level, arrows, yours, null, null, max));
                panels.add(Plots.scoreField("exact score, " + level, arrows, exact, null, null, max));
            }
        }
        if (panels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Page("dsm-report", "dsm: your pipeline's model beside the exact mixture",
            "From the hidden end-to-end check (Task 4.2): the suites' network trained by your loop, its learned score "
                + "(-grad_x f) and your sampler's samples, and what a perfect model gives. Arrows share one colour scale per "
                + "pair.", 2, panels));
    }

    /** The noise level of a score field, from its comment "sigma 0.129", if it is a plausible one. */
    public static Optional<Double> sigma(Table field) {
        String comment = field.comment();
        if (!comment.startsWith("sigma ")) {
            return Optional.empty();
        }
        try {
            double sigma = Double.parseDouble(comment.substring(6).trim());
            return sigma > 0 && sigma < 100 ? Optional.of(sigma) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Columns {@code from}, {@code from + 1} of {@code rows} as points [n, 2]. */
    private static INDArray points(double[][] rows, int from) {
        INDArray all = Nd4j.createFromArray(rows);
        return all.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + 2)).dup('c');
    }
}
