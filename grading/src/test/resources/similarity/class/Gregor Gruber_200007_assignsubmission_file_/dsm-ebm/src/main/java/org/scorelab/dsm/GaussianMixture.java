package org.scorelab.dsm;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.scorelab.dsm.api.MixtureData;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;

/** Task 1.1: the data set, S points of a Gaussian mixture with isotropic components, and its density, eq. (1). */
public final class GaussianMixture implements MixtureData {

    private final MixtureSpec spec;

    public GaussianMixture(MixtureSpec spec) { this.spec = spec; }

    // numerically stable log(sum(exp(.))) along each row
    static INDArray logSumExp(INDArray terms) {
        INDArray max = terms.max(1);
        INDArray shifted = Transforms.exp(terms.subColumnVector(max.reshape(-1, 1)), false);
        return Transforms.log(shifted.sum(1), false).addi(max);
    }

    @Override
    public INDArray density(INDArray x) { return Transforms.exp(logDensity(x), true); }

    @Override
    public INDArray logDensity(INDArray x) { return logSumExp(logTerms(spec, x, 0.0)); }

    @Override
    public MixtureSpec spec() { return spec; }

    // one column per component: log(w_k) + log N(x; mu_k, (var_k + sigma^2) I)
    static INDArray logTerms(MixtureSpec spec, INDArray x, double sigma) {
        INDArray xs = x.castTo(DataType.DOUBLE);
        long n = xs.size(0);
        INDArray terms = Nd4j.create(DataType.DOUBLE, n, spec.components());
        for (int k = 0; k < spec.components(); k++) {
            double v = spec.variance(k) + sigma * sigma;
            INDArray diff = xs.subRowVector(Nd4j.createFromArray(spec.mean(k)).reshape(1, 2));
            INDArray sq = diff.mul(diff).sum(1);
            terms.putColumn(k, sq.div(-2 * v).add(Math.log(spec.weight(k)) - Math.log(2 * Math.PI * v)));
        }
        return terms;
    }

    // sample: fixed number of points per component, then shuffle the rows
    @Override
    public INDArray sample(int n, Rng rng) {
        int K = spec.components();
        List<INDArray> blocks = new ArrayList<>();
        int used = 0;
        for (int k = 0; k < K; k++) {
            int size = k == K - 1 ? n - used : (int) Math.round(n * spec.weight(k));
            size = Math.min(size, n - used);
            used += size;
            if (size > 0) {
                INDArray mu = Nd4j.createFromArray(spec.mean(k)).reshape(1, 2);
                blocks.add(rng.normal(size, 2).muli(Math.sqrt(spec.variance(k))).addiRowVector(mu));
            }
        }
        INDArray all = Nd4j.vstack(blocks.toArray(new INDArray[0]));
        return all.getRows(rng.permutation(n));
    }
}
