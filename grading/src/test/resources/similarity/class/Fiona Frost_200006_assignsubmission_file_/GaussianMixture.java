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

    // every point first picks its component with probability pi_k, then adds gaussian noise around that mu
    @Override
    public INDArray sample(int n, Rng rng) {
        INDArray samples = Nd4j.zeros(DataType.DOUBLE, n, 2);
        for (int i = 0; i < n; i++) {
            int which = chooseCluster(rng.nextDouble());
            double sdev = Math.sqrt(spec.variance(which));
            double[] centre = spec.mean(which);
            samples.putScalar(i, 0, centre[0] + sdev * rng.nextGaussian());
            samples.putScalar(i, 1, centre[1] + sdev * rng.nextGaussian());
        }
        return samples;
    }

    // inverse of the running weights
    private int chooseCluster(double uniform) {
        double running = 0;
        for (int k = 0; k < spec.components(); k++) {
            running += spec.weight(k);
            if (uniform < running) {
                return k;
            }
        }
        return spec.components() - 1;
    }

    @Override
    public INDArray logDensity(INDArray x) {
        int n = (int) x.size(0);
        double[] samples = new double[n];
        for (int i = 0; i < n; i++) {
            double a = x.getDouble(i, 0);
            double b = x.getDouble(i, 1);
            double[] logTerms = new double[spec.components()];
            double maxTerm = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < spec.components(); k++) {
                logTerms[k] = Math.log(spec.weight(k)) + logNormal2d(a, b, spec.mean(k), spec.variance(k));
                maxTerm = Math.max(maxTerm, logTerms[k]);
            }
            double acc = 0;
            for (int k = 0; k < spec.components(); k++) {
                acc += Math.exp(logTerms[k] - maxTerm);
            }
            samples[i] = maxTerm + Math.log(acc);
        }
        return Nd4j.createFromArray(samples);
    }

    // log N(x | mu, variance2 I) in 2D
    static double logNormal2d(double a, double b, double[] mu, double variance2) {
        double da = a - mu[0];
        double db = b - mu[1];
        return -Math.log(2 * Math.PI * variance2) - (da * da + db * db) / (2 * variance2);
    }

    @Override
    public INDArray density(INDArray x) {
        INDArray logValues = logDensity(x);
        double[] probs = new double[(int) logValues.length()];
        for (int i = 0; i < probs.length; i++) {
            probs[i] = Math.exp(logValues.getDouble(i));
        }
        return Nd4j.createFromArray(probs);
    }
}
