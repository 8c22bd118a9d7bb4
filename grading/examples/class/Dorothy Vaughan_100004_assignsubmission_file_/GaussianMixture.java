package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.dsm.api.MixtureData;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;

/** Task 1.1: the data set, S points of a Gaussian mixture with isotropic components, and its density, eq. (1). */
public final class GaussianMixture implements MixtureData {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private final MixtureSpec spec;

    public GaussianMixture(MixtureSpec spec) {
        this.spec = spec;
    }

    @Override
    public MixtureSpec spec() {
        return spec;
    }

    /**
     * Exact proportions: component k gets round(n pi_k) points (largest remainders settle the rounding), then the
     * points are shuffled, so any prefix of the sample is a fair sample too.
     */
    @Override
    public INDArray sample(int n, Rng rng) {
        if (n < 1) {
            throw new IllegalArgumentException("Task 1.1: the number of samples must be positive, got " + n);
        }
        int[] counts = proportionalCounts(n);
        double[][] points = new double[n][];
        int row = 0;
        for (int k = 0; k < spec.components(); k++) {
            double[] mu = spec.mean(k);
            double sd = Math.sqrt(spec.variance(k));
            for (int i = 0; i < counts[k]; i++) {
                points[row++] = new double[] {mu[0] + sd * rng.nextGaussian(), mu[1] + sd * rng.nextGaussian()};
            }
        }
        int[] order = rng.permutation(n);
        double[][] shuffled = new double[n][];
        for (int i = 0; i < n; i++) {
            shuffled[i] = points[order[i]];
        }
        return Nd4j.createFromArray(shuffled);
    }

    private int[] proportionalCounts(int n) {
        int k = spec.components();
        int[] counts = new int[k];
        double[] remainders = new double[k];
        int assigned = 0;
        for (int i = 0; i < k; i++) {
            double exact = n * spec.weight(i);
            counts[i] = (int) Math.floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        for (; assigned < n; assigned++) {
            int best = 0;
            for (int i = 1; i < k; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }

    /** log p(x) = log sum_k pi_k N(x | mu_k, v_k I), with the log-sum-exp trick so far points do not underflow. */
    @Override
    public INDArray logDensity(INDArray x) {
        int n = Shapes.points("1.1", "x", x);
        double[] xy = Shapes.flat(x);
        double[] out = new double[n];
        double[] terms = new double[spec.components()];
        for (int i = 0; i < n; i++) {
            logTerms(spec, xy[2 * i], xy[2 * i + 1], 0, terms);
            out[i] = logSumExp(terms);
        }
        return Nd4j.createFromArray(out);
    }

    @Override
    public INDArray density(INDArray x) {
        return org.nd4j.linalg.ops.transforms.Transforms.exp(logDensity(x), false);
    }

    /**
     * log pi_k + log N(x | mu_k, (v_k + sigma^2) I) for each component k, into {@code terms}: the log-terms of the
     * mixture (sigma = 0) and of the mixture perturbed by sigma (Task 3.4).
     */
    static void logTerms(MixtureSpec spec, double px, double py, double sigma, double[] terms) {
        for (int c = 0; c < terms.length; c++) {
            double[] mu = spec.mean(c);
            double v = spec.variance(c) + sigma * sigma;
            double d2 = (px - mu[0]) * (px - mu[0]) + (py - mu[1]) * (py - mu[1]);
            terms[c] = Math.log(spec.weight(c)) - LOG_2PI - Math.log(v) - d2 / (2 * v);
        }
    }

    static double logSumExp(double[] terms) {
        double max = Double.NEGATIVE_INFINITY;
        for (double t : terms) {
            max = Math.max(max, t);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }
}
