package org.scorelab.diagnostics;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The squared maximum mean discrepancy between two samples in the plane, unbiased form (Gretton et al. 2012, eq. (3)),
 * with the Gaussian kernel k(x, y) = exp(-||x - y||^2 / (2 h^2)). Zero in expectation when both samples come from
 * the same law; larger the more they differ at the scale h. Written by hand: no maintained Java library provides it.
 */
public final class Mmd {
    private Mmd() {
    }

    /**
     * @param x a sample, shape [n, 2], n at least 2
     * @param y a sample, shape [m, 2], m at least 2
     * @param bandwidth the kernel's h
     * @return the unbiased estimate of MMD^2 (it can be slightly negative)
     */
    public static double squared(INDArray x, INDArray y, double bandwidth) {
        double[] a = x.dup('c').data().asDouble();
        double[] b = y.dup('c').data().asDouble();
        double scale = -1 / (2 * bandwidth * bandwidth);
        return within(a, scale) + within(b, scale) - 2 * between(a, b, scale);
    }

    private static double within(double[] a, double scale) {
        int n = a.length / 2;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sum += kernel(a, i, a, j, scale);
            }
        }
        return 2 * sum / ((double) n * (n - 1));
    }

    private static double between(double[] a, double[] b, double scale) {
        int n = a.length / 2;
        int m = b.length / 2;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                sum += kernel(a, i, b, j, scale);
            }
        }
        return sum / ((double) n * m);
    }

    private static double kernel(double[] p, int i, double[] q, int j, double scale) {
        double dx = p[2 * i] - q[2 * j];
        double dy = p[2 * i + 1] - q[2 * j + 1];
        return Math.exp(scale * (dx * dx + dy * dy));
    }
}
