package org.scorelab.dsm;

import org.nd4j.linalg.api.buffer.DataType;
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

    public AnalyticScores(MixtureSpec spec) { this.spec = spec; }

    // grad log p = sum_k w_k(x) (mu_k - x) / (v_k + sigma^2), w = posterior weights (softmax of the log terms)
    @Override
    public INDArray scoreOf(INDArray x, double sigma) {
        INDArray xs = x.castTo(DataType.DOUBLE);
        INDArray terms = GaussianMixture.logTerms(spec, xs, sigma);
        INDArray lse = GaussianMixture.logSumExp(terms);
        INDArray resp = Transforms.exp(terms.subColumnVector(lse.reshape(-1, 1)), false);
        INDArray score = Nd4j.zeros(DataType.DOUBLE, xs.size(0), 2);
        for (int k = 0; k < spec.components(); k++) {
            INDArray toMean = xs.rsubRowVector(Nd4j.createFromArray(spec.mean(k)).reshape(1, 2));
            double v = spec.variance(k) + sigma * sigma;
            score.addi(toMean.mulColumnVector(resp.getColumn(k).reshape(-1, 1)).divi(v));
        }
        return score;
    }

    @Override
    public INDArray density(INDArray x, double sigma) { return Transforms.exp(logDensity(x, sigma), true); }

    @Override
    public INDArray logDensity(INDArray x, double sigma) {
        return GaussianMixture.logSumExp(GaussianMixture.logTerms(spec, x, sigma));
    }

    @Override
    public MixtureSpec spec() { return spec; }
}
