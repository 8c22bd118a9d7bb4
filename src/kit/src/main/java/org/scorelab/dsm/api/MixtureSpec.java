package org.scorelab.dsm.api;

import java.util.Arrays;

/**
 * A Gaussian mixture in the plane with isotropic components: p(x) = sum_k pi_k N(x | mu_k, v_k I), eq. (1) of the
 * sheet.
 *
 * @param means component means mu_k, shape [K][2]
 * @param variances per-component variances v_k (the covariance is v_k times the identity)
 * @param weights mixing weights pi_k, positive, summing to 1
 */
public record MixtureSpec(double[][] means, double[] variances, double[] weights) {
    static {
        org.scorelab.autograd.Precision.useDouble();
    }

    /** The sheet's mixture: means (1,1)/4, (3,1)/4, (2,3)/4, covariance 0.01 I, weights 1/3 each. */
    public static final MixtureSpec SHEET = new MixtureSpec(
        new double[][] {{0.25, 0.25}, {0.75, 0.25}, {0.5, 0.75}},
        new double[] {0.01, 0.01, 0.01},
        new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3});

    public MixtureSpec {
        int k = means.length;
        if (k == 0 || variances.length != k || weights.length != k) {
            throw new IllegalArgumentException("a mixture needs K >= 1 components with one mean, variance and weight each; got "
                + k + " means, " + variances.length + " variances, " + weights.length + " weights");
        }
        double total = 0;
        for (int i = 0; i < k; i++) {
            if (means[i].length != 2) {
                throw new IllegalArgumentException("mean " + i + " must have 2 coordinates, has " + means[i].length);
            }
            if (!(variances[i] > 0) || !(weights[i] > 0)) {
                throw new IllegalArgumentException("component " + i + " needs a positive variance and weight, got "
                    + variances[i] + " and " + weights[i]);
            }
            total += weights[i];
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("mixture weights must sum to 1, they sum to " + total);
        }
        means = Arrays.stream(means).map(double[]::clone).toArray(double[][]::new);
        variances = variances.clone();
        weights = weights.clone();
    }

    public int components() {
        return means.length;
    }

    /** Mean mu_k (a copy). */
    public double[] mean(int k) {
        return means[k].clone();
    }

    public double variance(int k) {
        return variances[k];
    }

    public double weight(int k) {
        return weights[k];
    }

    @Override
    public double[][] means() {
        return Arrays.stream(means).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] variances() {
        return variances.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public String toString() {
        return "MixtureSpec[means=" + Arrays.deepToString(means) + ", variances=" + Arrays.toString(variances)
            + ", weights=" + Arrays.toString(weights) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MixtureSpec m && Arrays.deepEquals(means, m.means) && Arrays.equals(variances, m.variances)
            && Arrays.equals(weights, m.weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.deepHashCode(means) + Arrays.hashCode(variances)) + Arrays.hashCode(weights);
    }
}
