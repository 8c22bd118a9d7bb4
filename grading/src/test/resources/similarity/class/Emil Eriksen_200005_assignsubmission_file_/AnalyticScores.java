package org.scorelab.dsm;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.dsm.api.PerturbedMixtureScores;

/**
 * Task 3.4: the mixture perturbed by N(0, sigma^2 I) is again a mixture, with each covariance v_k I widened to
 * (v_k + sigma^2) I (sheet, Task 3.4).
 */
public final class AnalyticScores implements PerturbedMixtureScores {
    private final MixtureSpec spec;
    private final List<GaussianMixture.Component> parts;

    public AnalyticScores(MixtureSpec spec) {
        this.spec = spec;
        this.parts = new GaussianMixture(spec).components();
    }

    @Override
    public MixtureSpec spec() {
        return spec;
    }

    @Override
    public INDArray logDensity(INDArray x, double sigma) {
        double extra = sigma * sigma;
        double[] values = new double[(int) x.rows()];
        for (int row = 0; row < values.length; row++) {
            values[row] = GaussianMixture.Component.logMixture(parts, x.getDouble(row, 0), x.getDouble(row, 1), extra);
        }
        return Nd4j.createFromArray(values);
    }

    @Override
    public INDArray density(INDArray x, double sigma) {
        double[] logs = logDensity(x, sigma).toDoubleVector();
        for (int i = 0; i < logs.length; i++) {
            logs[i] = Math.exp(logs[i]);
        }
        return Nd4j.createFromArray(logs);
    }

    @Override
    public INDArray scoreOf(INDArray x, double sigma) {
        double extra = sigma * sigma;
        double[][] result = new double[(int) x.rows()][];
        for (int row = 0; row < result.length; row++) {
            result[row] = score(x.getDouble(row, 0), x.getDouble(row, 1), extra);
        }
        return Nd4j.createFromArray(result);
    }

    /** Responsibilities by a stable softmax, then sum_k gamma_k (m_k - x) / (v_k + sigma^2). */
    private double[] score(double x, double y, double extra) {
        double[] gamma = new double[parts.size()];
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < gamma.length; k++) {
            gamma[k] = parts.get(k).logWeighted(x, y, extra);
            top = Math.max(top, gamma[k]);
        }
        double norm = 0;
        for (int k = 0; k < gamma.length; k++) {
            gamma[k] = Math.exp(gamma[k] - top);
            norm += gamma[k];
        }
        double sx = 0;
        double sy = 0;
        for (int k = 0; k < gamma.length; k++) {
            GaussianMixture.Component c = parts.get(k);
            double factor = gamma[k] / norm / (c.variance + extra);
            sx += factor * (c.mx - x);
            sy += factor * (c.my - y);
        }
        return new double[] {sx, sy};
    }
}
