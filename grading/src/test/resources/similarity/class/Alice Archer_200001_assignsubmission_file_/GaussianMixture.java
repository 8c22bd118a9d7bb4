package org.scorelab.dsm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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

    // every point first picks its component with probability pi_k, then adds gaussian noise around that mean
    @Override
    public INDArray sample(int n, Rng rng) {
        INDArray result = Nd4j.zeros(DataType.DOUBLE, n, 2);
        for (int i = 0; i < n; i++) {
            int comp = pickComponent(rng.nextDouble());
            double std = Math.sqrt(spec.variance(comp));
            double[] m = spec.mean(comp);
            result.putScalar(i, 0, m[0] + std * rng.nextGaussian());
            result.putScalar(i, 1, m[1] + std * rng.nextGaussian());
        }
        return result;
    }

    // inverse of the cumulative weights
    private int pickComponent(double u) {
        double cumulative = 0;
        for (int k = 0; k < spec.components(); k++) {
            cumulative += spec.weight(k);
            if (u < cumulative) {
                return k;
            }
        }
        return spec.components() - 1;
    }

    @Override
    public INDArray logDensity(INDArray x) {
        int n = (int) x.size(0);
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            double px = x.getDouble(i, 0);
            double py = x.getDouble(i, 1);
            double[] logs = new double[spec.components()];
            double biggest = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < spec.components(); k++) {
                logs[k] = Math.log(spec.weight(k)) + logGaussian(px, py, spec.mean(k), spec.variance(k));
                biggest = Math.max(biggest, logs[k]);
            }
            double s = 0;
            for (int k = 0; k < spec.components(); k++) {
                s += Math.exp(logs[k] - biggest);
            }
            result[i] = biggest + Math.log(s);
        }
        return Nd4j.createFromArray(result);
    }

    // log N(x | mean, var I) in 2D
    static double logGaussian(double px, double py, double[] mean, double var) {
        double dx = px - mean[0];
        double dy = py - mean[1];
        return -Math.log(2 * Math.PI * var) - (dx * dx + dy * dy) / (2 * var);
    }

    @Override
    public INDArray density(INDArray x) {
        INDArray logp = logDensity(x);
        double[] p = new double[(int) logp.length()];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logp.getDouble(i));
        }
        return Nd4j.createFromArray(p);
    }
}
