package org.scorelab.dsm;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.dsm.api.MixtureData;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;

/** Task 1.1: the data set, S points of a Gaussian mixture with isotropic components, and its density, eq. (1). */
public final class GaussianMixture implements MixtureData {
    private final MixtureSpec spec;
    private final List<Component> components = new ArrayList<>();

    public GaussianMixture(MixtureSpec spec) {
        this.spec = spec;
        for (int k = 0; k < spec.components(); k++) {
            components.add(new Component(spec.mean(k), spec.variance(k), spec.weight(k)));
        }
    }

    @Override
    public MixtureSpec spec() {
        return spec;
    }

    /** Component of each point: categorical draw with the weights (alias: sequential search on the CDF). */
    @Override
    public INDArray sample(int n, Rng rng) {
        double[][] xs = new double[n][];
        for (int row = 0; row < n; row++) {
            Component chosen = components.get(components.size() - 1);
            double u = rng.nextDouble();
            for (Component candidate : components) {
                if (u < candidate.weight) {
                    chosen = candidate;
                    break;
                }
                u -= candidate.weight;
            }
            xs[row] = chosen.draw(rng);
        }
        return Nd4j.createFromArray(xs);
    }

    @Override
    public INDArray logDensity(INDArray x) {
        double[] values = new double[(int) x.rows()];
        for (int row = 0; row < values.length; row++) {
            values[row] = Component.logMixture(components, x.getDouble(row, 0), x.getDouble(row, 1), 0);
        }
        return Nd4j.createFromArray(values);
    }

    @Override
    public INDArray density(INDArray x) {
        INDArray logs = logDensity(x);
        return logs.dup().assign(org.nd4j.linalg.ops.transforms.Transforms.exp(logs, true));
    }

    List<Component> components() {
        return components;
    }

    /** One isotropic 2D Gaussian bump with its mixture weight. */
    static final class Component {
        final double mx;
        final double my;
        final double variance;
        final double weight;

        Component(double[] mean, double variance, double weight) {
            this.mx = mean[0];
            this.my = mean[1];
            this.variance = variance;
            this.weight = weight;
        }

        double[] draw(Rng rng) {
            double sd = Math.sqrt(variance);
            return new double[] {mx + sd * rng.nextGaussian(), my + sd * rng.nextGaussian()};
        }

        /** log(weight) + log N((x, y) | m, (variance + extra) I). */
        double logWeighted(double x, double y, double extra) {
            double v = variance + extra;
            double r2 = (x - mx) * (x - mx) + (y - my) * (y - my);
            return Math.log(weight) - Math.log(2 * Math.PI * v) - r2 / (2 * v);
        }

        static double logMixture(List<Component> all, double x, double y, double extra) {
            double[] parts = new double[all.size()];
            double top = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < parts.length; k++) {
                parts[k] = all.get(k).logWeighted(x, y, extra);
                top = Math.max(top, parts[k]);
            }
            double sum = 0;
            for (double part : parts) {
                sum += Math.exp(part - top);
            }
            return top + Math.log(sum);
        }
    }
}
