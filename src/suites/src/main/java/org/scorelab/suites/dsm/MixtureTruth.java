package org.scorelab.suites.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;

/**
 * Independent expectations for a Gaussian mixture with isotropic components: density and score of the mixture
 * convolved with N(0, sigma^2 I), written as plain sums (no log-sum-exp), valid where the density does not underflow,
 * which holds at every point the suites use near the data. The grader also draws its "exact" figures with it.
 */
public final class MixtureTruth {
    private final MixtureSpec spec;

    public MixtureTruth(MixtureSpec spec) {
        this.spec = spec;
    }

    MixtureSpec spec() {
        return spec;
    }

    /** pi_k N(x | mu_k, (v_k + sigma^2) I) for each k. */
    double[] weightedComponentDensities(double x, double y, double sigma) {
        double[] d = new double[spec.components()];
        for (int k = 0; k < d.length; k++) {
            double v = spec.variance(k) + sigma * sigma;
            double[] mu = spec.mean(k);
            double r2 = (x - mu[0]) * (x - mu[0]) + (y - mu[1]) * (y - mu[1]);
            d[k] = spec.weight(k) * Math.exp(-r2 / (2 * v)) / (2 * Math.PI * v);
        }
        return d;
    }

    double density(double x, double y, double sigma) {
        double p = 0;
        for (double d : weightedComponentDensities(x, y, sigma)) {
            p += d;
        }
        return p;
    }

    /** grad log p_sigma = sum_k pi_k N_k (mu_k - x) / (v_k + sigma^2) / p. */
    double[] score(double x, double y, double sigma) {
        double[] d = weightedComponentDensities(x, y, sigma);
        double p = 0;
        double sx = 0;
        double sy = 0;
        for (int k = 0; k < d.length; k++) {
            double v = spec.variance(k) + sigma * sigma;
            double[] mu = spec.mean(k);
            p += d[k];
            sx += d[k] * (mu[0] - x) / v;
            sy += d[k] * (mu[1] - y) / v;
        }
        return new double[] {sx / p, sy / p};
    }

    /**
     * Posterior responsibilities r_k(x) = pi_k N_k(x) / p(x) of the unperturbed mixture, as a softmax of the log-terms,
     * so that a point far from every component (where every N_k underflows) still gets responsibilities, not 0 / 0.
     */
    double[] responsibilities(double x, double y) {
        double[] t = new double[spec.components()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < t.length; k++) {
            double v = spec.variance(k);
            double[] mu = spec.mean(k);
            double r2 = (x - mu[0]) * (x - mu[0]) + (y - mu[1]) * (y - mu[1]);
            t[k] = Math.log(spec.weight(k) / (2 * Math.PI * v)) - r2 / (2 * v);
            max = Math.max(max, t[k]);
        }
        double sum = 0;
        for (int k = 0; k < t.length; k++) {
            t[k] = Math.exp(t[k] - max);
            sum += t[k];
        }
        for (int k = 0; k < t.length; k++) {
            t[k] /= sum;
        }
        return t;
    }

    public INDArray scores(INDArray points, double sigma) {
        double[] xy = points.dup('c').data().asDouble();
        int n = xy.length / 2;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = score(xy[2 * i], xy[2 * i + 1], sigma);
        }
        return Nd4j.createFromArray(out);
    }

    /** Independent draws of the mixture: a multinomial component per point (the suites' own sampler). */
    public INDArray sample(int n, Rng rng) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int k = 0;
            double cumulative = spec.weight(0);
            while (u >= cumulative && k < spec.components() - 1) {
                cumulative += spec.weight(++k);
            }
            double sd = Math.sqrt(spec.variance(k));
            double[] mu = spec.mean(k);
            out[i] = new double[] {mu[0] + sd * rng.nextGaussian(), mu[1] + sd * rng.nextGaussian()};
        }
        return Nd4j.createFromArray(out);
    }
}
