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

    public AnalyticScores(MixtureSpec spec) {
        this.spec = spec;
    }

    @Override
    public MixtureSpec spec() {
        return spec;
    }

    /** Column k holds log pi_k + log N(x | mu_k, (v_k + sigma^2) I). */
    private INDArray weightedLogNormals(INDArray x, double sigma) {
        INDArray points = x.castTo(DataType.DOUBLE);
        INDArray out = Nd4j.create(DataType.DOUBLE, points.size(0), spec.components());
        for (int k = 0; k < spec.components(); k++) {
            double var = spec.variance(k) + sigma * sigma;
            INDArray centred = points.subRowVector(Nd4j.createFromArray(spec.mean(k)));
            INDArray sqDist = Transforms.pow(centred, 2, true).sum(1);
            out.putColumn(k, sqDist.mul(-0.5 / var).add(Math.log(spec.weight(k) / (2 * Math.PI * var))));
        }
        return out;
    }

    @Override
    public INDArray logDensity(INDArray x, double sigma) {
        INDArray t = weightedLogNormals(x, sigma);
        INDArray top = t.max(1).reshape(-1, 1);
        return Transforms.log(Transforms.exp(t.subColumnVector(top), false).sum(1), false).add(top.reshape(-1));
    }

    @Override
    public INDArray density(INDArray x, double sigma) {
        return Transforms.exp(logDensity(x, sigma), false);
    }

    @Override
    public INDArray scoreOf(INDArray x, double sigma) {
        INDArray t = weightedLogNormals(x, sigma);
        INDArray weights = Transforms.softmax(t, true);
        INDArray points = x.castTo(DataType.DOUBLE);
        INDArray total = Nd4j.zeros(DataType.DOUBLE, points.size(0), 2);
        for (int k = 0; k < spec.components(); k++) {
            double var = spec.variance(k) + sigma * sigma;
            INDArray pull = points.neg().addRowVector(Nd4j.createFromArray(spec.mean(k))).div(var);
            total.addi(pull.mulColumnVector(weights.getColumn(k, true)));
        }
        return total;
    }
}
