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
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double[] parts = weightedLogParts(x.getDouble(i, 0), x.getDouble(i, 1), sigma);
            values[i] = stableLogSum(parts);
        }
        return Nd4j.createFromArray(values);
    }

    @Override
    public INDArray density(INDArray x, double sigma) {
        INDArray logValues = logDensity(x, sigma);
        double[] probs = new double[(int) logValues.length()];
        for (int i = 0; i < probs.length; i++) {
            probs[i] = Math.exp(logValues.getDouble(i));
        }
        return Nd4j.createFromArray(probs);
    }

    // score = sum_k r_k(x) (mu_k - x) / (v_k + sigma^2) where r_k are the posterior weights of the components
    @Override
    public INDArray scoreOf(INDArray x, double sigma) {
        int n = (int) x.size(0);
        INDArray values = Nd4j.zeros(DataType.DOUBLE, n, 2);
        for (int i = 0; i < n; i++) {
            double a = x.getDouble(i, 0);
            double b = x.getDouble(i, 1);
            double[] parts = weightedLogParts(a, b, sigma);
            double logNorm = stableLogSum(parts);
            double scoreX = 0;
            double scoreY = 0;
            for (int k = 0; k < spec.components(); k++) {
                double resp = Math.exp(parts[k] - logNorm);
                double widened = spec.variance(k) + sigma * sigma;
                scoreX += resp * (spec.mean(k)[0] - a) / widened;
                scoreY += resp * (spec.mean(k)[1] - b) / widened;
            }
            values.putScalar(i, 0, scoreX);
            values.putScalar(i, 1, scoreY);
        }
        return values;
    }

    private double[] weightedLogParts(double a, double b, double sigma) {
        double[] parts = new double[spec.components()];
        for (int k = 0; k < spec.components(); k++) {
            double widened = spec.variance(k) + sigma * sigma;
            parts[k] = Math.log(spec.weight(k)) + GaussianMixture.logNormal2d(a, b, spec.mean(k), widened);
        }
        return parts;
    }

    private static double stableLogSum(double[] arr) {
        double largest = Double.NEGATIVE_INFINITY;
        for (double item : arr) {
            largest = Math.max(largest, item);
        }
        double acc = 0;
        for (double item : arr) {
            acc += Math.exp(item - largest);
        }
        return largest + Math.log(acc);
    }
}
