package org.scorelab.suites.toy;

import java.util.List;
import java.util.Optional;
import org.scorelab.course.ReportFigure;
import org.scorelab.figures.Page;
import org.scorelab.figures.Plots;

/** The toy report's figure: what the hidden check found. */
public final class ToyFigure implements ReportFigure {
    @Override
    public String assignment() {
        return "toy";
    }

    @Override
    public Optional<Page> draw(Artifacts artifacts) {
        return artifacts.table("toy-values.csv", 2).map(t -> new Page("toy-report", "toy: your twice", "From the hidden check.",
            1, List.of(Plots.lossCurve("twice(" + t.rows()[0][0] + ")", new double[] {t.rows()[0][1], t.rows()[0][1]}))));
    }
}
