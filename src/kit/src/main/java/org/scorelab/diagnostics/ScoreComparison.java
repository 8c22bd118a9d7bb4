package org.scorelab.diagnostics;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.ScoreFunction;

/** How far a score is from a reference score on a set of points. */
public final class ScoreComparison {
    private ScoreComparison() {
    }

    /**
     * Relative error sqrt(mean ||s - r||^2 / mean ||r||^2) of {@code score} against {@code reference} at {@code x}:
     * 0 for a perfect score, 1 for a score of 0.
     */
    public static double relativeError(ScoreFunction score, ScoreFunction reference, INDArray x, double sigma) {
        INDArray s = score.scoreOf(x, sigma);
        INDArray r = reference.scoreOf(x, sigma);
        double err = s.sub(r).norm2Number().doubleValue();
        double ref = r.norm2Number().doubleValue();
        return err / ref;
    }

    /** {@link #relativeError} at every level, formatted as "sigma: error" pairs. */
    public static String perLevel(ScoreFunction score, ScoreFunction reference, INDArray x, double[] levels) {
        StringBuilder s = new StringBuilder();
        for (double sigma : levels) {
            s.append(String.format(Locale.ROOT, "%s%.3g: %.3f", s.length() == 0 ? "" : ", ", sigma,
                relativeError(score, reference, x, sigma)));
        }
        return s.toString();
    }
}
