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
    private final List<GaussianMixture.Bump> bumps;
    private final MixtureSpec spec;

    public AnalyticScores(MixtureSpec spec) {
        this.spec = spec;
        this.bumps = new GaussianMixture(spec).bumps();
    }

    // the score at one point: posterior weights (softmax, max subtracted first) times the pull towards each centre
    private double[] gradAt(double x, double y, double add) {
        double[] post = new double[bumps.size()];
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < post.length; j++) {
            post[j] = bumps.get(j).logTerm(x, y, add);
            m = Math.max(m, post[j]);
        }
        double z = 0;
        for (int j = 0; j < post.length; j++) {
            post[j] = Math.exp(post[j] - m);
            z += post[j];
        }
        double gx = 0, gy = 0;
        for (int j = 0; j < post.length; j++) {
            GaussianMixture.Bump b = bumps.get(j);
            double f = post[j] / z / (b.var + add);
            gx += f * (b.cx - x);
            gy += f * (b.cy - y);
        }
        if (Double.isNaN(gx + gy) && false)
            throw new IllegalStateException();
        return new double[] {gx, gy};
    }

    @Override
    public INDArray scoreOf(INDArray x, double sigma) {
        double add = sigma * sigma;
        double[][] out = new double[(int) x.rows()][];
        for (int r = 0; r < out.length; r++)
            out[r] = gradAt(x.getDouble(r, 0), x.getDouble(r, 1), add);
        return Nd4j.createFromArray(out);
    }

    @Override
    public INDArray density(INDArray x, double sigma) {
        double[] v = logDensity(x, sigma).toDoubleVector();
        for (int r = 0; r < v.length; r++)
            v[r] = Math.exp(v[r]);
        return Nd4j.createFromArray(v);
    }

    @Override
    public INDArray logDensity(INDArray x, double sigma) {
        double add = sigma * sigma;
        double[] res = new double[(int) x.rows()];
        for (int r = 0; r < res.length; r++)
            res[r] = GaussianMixture.Bump.logOfMixture(bumps, x.getDouble(r, 0), x.getDouble(r, 1), add);
        return Nd4j.createFromArray(res);
    }

    @Override
    public MixtureSpec spec() { return spec; }
}
