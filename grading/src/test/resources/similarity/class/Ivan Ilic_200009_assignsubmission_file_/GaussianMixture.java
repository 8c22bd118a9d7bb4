package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.scorelab.dsm.api.MixtureData;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;

/** Task 1.1: the data set, S points of a Gaussian mixture with isotropic components, and its density, eq. (1). */
public final class GaussianMixture implements MixtureData {
    private final MixtureSpec spec;

    public GaussianMixture(MixtureSpec spec) {
        this.spec = spec;
    }

    @Override
    public MixtureSpec spec() {
        return spec;
    }

    @Override
    public INDArray sample(int n, Rng rng) {
        int K = spec.components();
        int[] cnt = new int[K];
        int tot = 0;
        for (int k = 0; k < K; k++) {
            cnt[k] = (int) Math.round(n * spec.weight(k));
            tot += cnt[k];
        }
        // the rounded counts may not add up to n; the heaviest component absorbs the difference
        int heavy = 0;
        for (int k = 1; k < K; k++) {
            if (spec.weight(k) > spec.weight(heavy)) {
                heavy = k;
            }
        }
        cnt[heavy] += n - tot;
        double[][] out = new double[n][2];
        int[] idx = rng.permutation(n);
        int j = 0;
        for (int k = 0; k < K; k++) {
            double s = Math.sqrt(spec.variance(k));
            for (int c = 0; c < cnt[k]; c++, j++) {
                out[idx[j]][0] = spec.mean(k)[0] + s * rng.nextGaussian();
                out[idx[j]][1] = spec.mean(k)[1] + s * rng.nextGaussian();
            }
        }
        return Nd4j.createFromArray(out);
    }

    @Override
    public INDArray logDensity(INDArray x) {
        double[][] p = x.toDoubleMatrix();
        double[] r = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = logp(spec, p[i][0], p[i][1], 0.0);
        }
        return Nd4j.createFromArray(r);
    }

    @Override
    public INDArray density(INDArray x) {
        return Transforms.exp(logDensity(x));
    }

    /** log p at one point, largest term taken out of the sum. */
    static double logp(MixtureSpec m, double x, double y, double s) {
        double[] t = terms(m, x, y, s);
        double hi = t[0];
        for (double v : t) {
            hi = Math.max(hi, v);
        }
        double acc = 0;
        for (double v : t) {
            acc += Math.exp(v - hi);
        }
        return hi + Math.log(acc);
    }

    static double[] terms(MixtureSpec m, double x, double y, double s) {
        double[] t = new double[m.components()];
        for (int k = 0; k < t.length; k++) {
            double v = m.variance(k) + s * s;
            double ax = x - m.mean(k)[0];
            double ay = y - m.mean(k)[1];
            t[k] = Math.log(m.weight(k) / (2 * Math.PI * v)) - (ax * ax + ay * ay) / (2 * v);
        }
        return t;
    }
}
