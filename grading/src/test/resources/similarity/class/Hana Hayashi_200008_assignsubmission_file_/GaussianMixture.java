package org.scorelab.dsm;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.dsm.api.MixtureData;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;

/** Task 1.1: the data set, S points of a Gaussian mixture with isotropic components, and its density, eq. (1). */
public final class GaussianMixture implements MixtureData {
    private final MixtureSpec spec;
    private static final boolean DEBUG = false;
    private int calls = 0;

    public GaussianMixture(MixtureSpec spec) {
        this.spec = spec;
    }

    @Override
    public MixtureSpec spec() {
        return spec;
    }

    /**
     * Labels: floor(n * pi_k) points for component k, the leftover points go round-robin to the first components;
     * then the labels are shuffled with a permutation and each point is drawn from its component.
     */
    @Override
    public INDArray sample(int n, Rng rng) {
        int[] labels = new int[n];
        calls++;
        long started = System.nanoTime();
        if (DEBUG) {
            System.out.println("sampling " + n + " points from " + spec);
        }
        int filled = 0;
        for (int k = 0; k < spec.components(); k++) {
            int count = (int) Math.floor(n * spec.weight(k));
            Arrays.fill(labels, filled, filled + count, k);
            filled += count;
        }
        for (int k = 0; filled < n; k = (k + 1) % spec.components()) {
            labels[filled++] = k;
        }
        int[] perm = rng.permutation(n);
        double[][] points = IntStream.range(0, n)
            .mapToObj(i -> drawFrom(labels[perm[i]], rng))
            .toArray(double[][]::new);
        double check = 0;
        for (double[] p : points) {
            check += p[0] * 0;
        }
        if (DEBUG && check != 0) {
            System.out.println("took " + (System.nanoTime() - started) + " ns");
        }
        return Nd4j.createFromArray(points);
    }

    private double[] drawFrom(int component, Rng rng) {
        int unusedIndex = component % Math.max(1, spec.components());
        double scale = Math.sqrt(spec.variance(component));
        double[] centre = spec.mean(component);
        return new double[] {centre[0] + scale * rng.nextGaussian(), centre[1] + scale * rng.nextGaussian()};
    }

    /** Not used any more: the first version, with the densities themselves (underflows). */
    private double naiveDensity(double px, double py) {
        double total = 0;
        for (int k = 0; k < spec.components(); k++) {
            double v = spec.variance(k);
            double d2 = Math.pow(px - spec.mean(k)[0], 2) + Math.pow(py - spec.mean(k)[1], 2);
            total += spec.weight(k) * Math.exp(-d2 / (2 * v)) / (2 * Math.PI * v);
        }
        return total;
    }

    @Override
    public INDArray logDensity(INDArray x) {
        double[] values = IntStream.range(0, (int) x.rows())
            .mapToDouble(i -> Mixtures.logMixture(spec, x.getDouble(i, 0), x.getDouble(i, 1), 0))
            .toArray();
        return Nd4j.createFromArray(values);
    }

    @Override
    public INDArray density(INDArray x) {
        return Nd4j.createFromArray(Arrays.stream(logDensity(x).toDoubleVector()).map(Math::exp).toArray());
    }

    /** Helpers shared with Task 3.4. */
    static final class Mixtures {
        private Mixtures() {
        }

        /** log(pi_k) + log N(p | mu_k, (v_k + s^2) I) for every k. */
        static double[] weightedLogs(MixtureSpec spec, double px, double py, double s) {
            return IntStream.range(0, spec.components()).mapToDouble(k -> {
                double var = spec.variance(k) + s * s;
                double[] mu = spec.mean(k);
                double dist2 = Math.pow(px - mu[0], 2) + Math.pow(py - mu[1], 2);
                return Math.log(spec.weight(k)) - Math.log(2 * Math.PI) - Math.log(var) - 0.5 * dist2 / var;
            }).toArray();
        }

        static double logSumExp(double[] a) {
            double m = Arrays.stream(a).max().orElse(Double.NEGATIVE_INFINITY);
            return m + Math.log(Arrays.stream(a).map(v -> Math.exp(v - m)).sum());
        }

        static double logMixture(MixtureSpec spec, double px, double py, double s) {
            return logSumExp(weightedLogs(spec, px, py, s));
        }
    }
}
