package org.scorelab.dsm;

import org.nd4j.linalg.api.buffer.DataType;
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

    public AnalyticScores(MixtureSpec spec) {
        this.spec = spec;
    }

    @Override
    public MixtureSpec spec() {
        return spec;
    }

    @Override
    public INDArray logDensity(INDArray x, double sigma) {
        int n = (int) x.size(0);
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            double[] logs = componentLogs(x.getDouble(i, 0), x.getDouble(i, 1), sigma);
            result[i] = logSumExp(logs);
        }
        return Nd4j.createFromArray(result);
    }

    @Override
    public INDArray density(INDArray x, double sigma) {
        INDArray logp = logDensity(x, sigma);
        double[] p = new double[(int) logp.length()];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logp.getDouble(i));
        }
        return Nd4j.createFromArray(p);
    }

    // score = sum_k r_k(x) (mu_k - x) / (v_k + sigma^2) where r_k are the posterior weights of the components
    @Override
    public INDArray scoreOf(INDArray x, double sigma) {
        int n = (int) x.size(0);
        INDArray result = Nd4j.zeros(DataType.DOUBLE, n, 2);
        for (int i = 0; i < n; i++) {
            double px = x.getDouble(i, 0);
            double py = x.getDouble(i, 1);
            double[] logs = componentLogs(px, py, sigma);
            double total = logSumExp(logs);
            double gx = 0;
            double gy = 0;
            for (int k = 0; k < spec.components(); k++) {
                double r = Math.exp(logs[k] - total);
                double var = spec.variance(k) + sigma * sigma;
                gx += r * (spec.mean(k)[0] - px) / var;
                gy += r * (spec.mean(k)[1] - py) / var;
            }
            result.putScalar(i, 0, gx);
            result.putScalar(i, 1, gy);
        }
        return result;
    }

    private double[] componentLogs(double px, double py, double sigma) {
        double[] logs = new double[spec.components()];
        for (int k = 0; k < spec.components(); k++) {
            double var = spec.variance(k) + sigma * sigma;
            logs[k] = Math.log(spec.weight(k)) + GaussianMixture.logGaussian(px, py, spec.mean(k), var);
        }
        return logs;
    }

    private static double logSumExp(double[] values) {
        double biggest = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            biggest = Math.max(biggest, v);
        }
        double s = 0;
        for (double v : values) {
            s += Math.exp(v - biggest);
        }
        return biggest + Math.log(s);
    }
}
