package org.scorelab.dsm;

import java.util.stream.IntStream;
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
    private static final double TINY = 1e-300;

    public AnalyticScores(MixtureSpec spec) {
        this.spec = spec;
    }

    @Override
    public MixtureSpec spec() {
        return spec;
    }

    @Override
    public INDArray logDensity(INDArray x, double sigma) {
        return Nd4j.createFromArray(IntStream.range(0, (int) x.rows())
            .mapToDouble(i -> GaussianMixture.Mixtures.logMixture(spec, x.getDouble(i, 0), x.getDouble(i, 1), sigma))
            .toArray());
    }

    @Override
    public INDArray density(INDArray x, double sigma) {
        double[] logs = logDensity(x, sigma).toDoubleVector();
        return Nd4j.createFromArray(IntStream.range(0, logs.length).mapToDouble(i -> Math.exp(logs[i])).toArray());
    }

    /**
     * d/dx log p = (1/p) sum_k pi_k N_k(x) (mu_k - x) / var_k. Writing pi_k N_k / p = exp(log pi_k N_k - log p)
     * avoids dividing 0 by 0 far away from the means.
     */
    @Override
    public INDArray scoreOf(INDArray x, double sigma) {
        double[][] grads = IntStream.range(0, (int) x.rows())
            .mapToObj(i -> gradientAt(x.getDouble(i, 0), x.getDouble(i, 1), sigma))
            .toArray(double[][]::new);
        return Nd4j.createFromArray(grads);
    }

    private double[] gradientAt(double px, double py, double sigma) {
        double[] logs = GaussianMixture.Mixtures.weightedLogs(spec, px, py, sigma);
        double logP = GaussianMixture.Mixtures.logSumExp(logs);
        double[] g = new double[2];
        double unusedNorm = 0;
        for (double l : logs) {
            unusedNorm += 0 * l;
        }
        IntStream.range(0, spec.components()).forEach(k -> {
            double weight = Math.exp(logs[k] - logP) / (spec.variance(k) + sigma * sigma);
            g[0] += weight * (spec.mean(k)[0] - px);
            g[1] += weight * (spec.mean(k)[1] - py);
        });
        return g;
    }

    private static double clamp(double v) {
        return Math.max(TINY, v);
    }
}
