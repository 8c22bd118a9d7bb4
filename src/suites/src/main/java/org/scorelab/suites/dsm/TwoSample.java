package org.scorelab.suites.dsm;

import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.suites.support.SampleMoments;

/**
 * Maximum mean discrepancy with the Gaussian kernel k(x, y) = exp(-||x - y||^2 / (2 h^2)), for 2D samples.
 *
 * <p>{@link #block} estimates MMD^2 from two samples without bias; {@link #between} is the exact MMD^2 between two isotropic Gaussian mixtures, from
 * E k(X, Y) = h^2 / (h^2 + A + B) exp(-||a - b||^2 / (2 (h^2 + A + B))) for X ~ N(a, A I), Y ~ N(b, B I).
 */
final class TwoSample {
    /** Kernel bandwidth: the components' standard deviation, the scale at which the checks look. */
    static final double BANDWIDTH = 0.1;

    private TwoSample() {
    }

    /** Points per block of {@link #block}: 100 blocks for the checks' 20,000 points. */
    static final int BLOCK = 200;

    /**
     * {estimate, standard error} of MMD^2 between samples x and y (each [n * 2] row-major, same n): the B-test of
     * Zaremba, Gretton and Blaschko (2013), the mean over disjoint blocks of {@link #BLOCK} points of the unbiased
     * quadratic-time MMD^2. Blocks are independent, so the mean is asymptotically normal with the standard error of the
     * block values; unlike the linear-time estimate it detects a 30% change of the modes' width at 20,000 points.
     */
    static double[] block(double[] x, double[] y) {
        double[] values = new double[Math.min(x.length, y.length) / (2 * BLOCK)];
        for (int b = 0; b < values.length; b++) {
            int from = 2 * b * BLOCK;
            double total = 0;
            for (int i = 0; i < BLOCK; i++) {
                for (int j = 0; j < BLOCK; j++) {
                    if (i != j) {
                        int p = from + 2 * i;
                        int q = from + 2 * j;
                        total += k(x, p, x, q) + k(y, p, y, q) - k(x, p, y, q) - k(x, q, y, p);
                    }
                }
            }
            values[b] = total / (BLOCK * (BLOCK - 1.0));
        }
        return new double[] {SampleMoments.mean(values), SampleMoments.standardError(values)};
    }

    private static double k(double[] p, int i, double[] q, int j) {
        double dx = p[i] - q[j];
        double dy = p[i + 1] - q[j + 1];
        return Math.exp(-(dx * dx + dy * dy) / (2 * BANDWIDTH * BANDWIDTH));
    }

    /** Exact MMD^2 between two isotropic Gaussian mixtures. */
    static double between(MixtureSpec p, MixtureSpec q) {
        return expectedKernel(p, p) + expectedKernel(q, q) - 2 * expectedKernel(p, q);
    }

    private static double expectedKernel(MixtureSpec p, MixtureSpec q) {
        double h2 = BANDWIDTH * BANDWIDTH;
        double total = 0;
        for (int i = 0; i < p.components(); i++) {
            for (int j = 0; j < q.components(); j++) {
                double s = h2 + p.variance(i) + q.variance(j);
                double dx = p.mean(i)[0] - q.mean(j)[0];
                double dy = p.mean(i)[1] - q.mean(j)[1];
                total += p.weight(i) * q.weight(j) * h2 / s * Math.exp(-(dx * dx + dy * dy) / (2 * s));
            }
        }
        return total;
    }
}
