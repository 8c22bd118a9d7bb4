package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.dsm.api.PerturbedMixtureScores;

/**
 * Task 3.4: the mixture perturbed by N(0, sigma^2 I) is again a mixture, with each covariance v_k I widened to
 * (v_k + sigma^2) I (sheet, Task 3.4).
 */
public final class AnalyticScores implements PerturbedMixtureScores {
    private final MixtureSpec spec;

    public AnalyticScores(MixtureSpec spec) {
        this.spec = spec;
    }

    @Override
    public MixtureSpec spec() {
        return spec;
    }

    @Override
    public INDArray logDensity(INDArray x, double sigma) {
        double[][] p = x.toDoubleMatrix();
        double[] r = new double[p.length];
        for (int i = 0; i < p.length; i++) r[i] = GaussianMixture.logp(spec, p[i][0], p[i][1], sigma);
        return Nd4j.createFromArray(r);
    }

    @Override
    public INDArray density(INDArray x, double sigma) {
        return Transforms.exp(logDensity(x, sigma));
    }

    @Override
    public INDArray scoreOf(INDArray x, double sigma) {
        double[][] p = x.toDoubleMatrix();
        double[][] g = new double[p.length][2];
        for (int i = 0; i < p.length; i++) {
            double[] t = GaussianMixture.terms(spec, p[i][0], p[i][1], sigma);
            double lp = GaussianMixture.logp(spec, p[i][0], p[i][1], sigma);
            for (int k = 0; k < t.length; k++) {
                double w = Math.exp(t[k] - lp) / (spec.variance(k) + sigma * sigma);
                g[i][0] -= w * (p[i][0] - spec.mean(k)[0]);
                g[i][1] -= w * (p[i][1] - spec.mean(k)[1]);
            }
        }
        return Nd4j.createFromArray(g);
    }
}
