package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.dsm.api.PerturbedMixtureScores;

/**
 * Task 3.4: the mixture perturbed by N(0, sigma^2 I) is again a mixture, each covariance v_k I becoming
 * (v_k + sigma^2) I. Its score is
 * grad log p_sigma(x) = sum_k w_k(x) (mu_k - x) / (v_k + sigma^2), with the responsibilities
 * w_k(x) = pi_k N_k(x) / sum_j pi_j N_j(x), computed as a softmax of log-terms so that points far from every
 * component (where each N_k underflows to 0) still get a finite score.
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
        int n = Shapes.points("3.4", "x", x);
        double[] xy = Shapes.flat(x);
        double[] out = new double[n];
        double[] terms = new double[spec.components()];
        for (int i = 0; i < n; i++) {
            logTerms(xy[2 * i], xy[2 * i + 1], sigma, terms);
            out[i] = GaussianMixture.logSumExp(terms);
        }
        return Nd4j.createFromArray(out);
    }

    @Override
    public INDArray density(INDArray x, double sigma) {
        return org.nd4j.linalg.ops.transforms.Transforms.exp(logDensity(x, sigma), false);
    }

    @Override
    public INDArray scoreOf(INDArray x, double sigma) {
        int n = Shapes.points("3.4", "x", x);
        double[] xy = Shapes.flat(x);
        int k = spec.components();
        double[][] out = new double[n][2];
        double[] terms = new double[k];
        for (int i = 0; i < n; i++) {
            double px = xy[2 * i];
            double py = xy[2 * i + 1];
            logTerms(px, py, sigma, terms);
            double logNormaliser = GaussianMixture.logSumExp(terms);
            for (int c = 0; c < k; c++) {
                double w = Math.exp(terms[c] - logNormaliser);
                double[] mu = spec.mean(c);
                double v = spec.variance(c) + sigma * sigma;
                out[i][0] += w * (mu[0] - px) / v;
                out[i][1] += w * (mu[1] - py) / v;
            }
        }
        return Nd4j.createFromArray(out);
    }

    /** The perturbed mixture's log-terms, after checking sigma. */
    private void logTerms(double px, double py, double sigma, double[] terms) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Task 3.4: sigma must be a finite number >= 0, got " + sigma);
        }
        GaussianMixture.logTerms(spec, px, py, sigma, terms);
    }
}
