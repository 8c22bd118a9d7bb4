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
    private final List<Bump> bumps = new ArrayList<>();
    private final MixtureSpec spec;
    private final boolean verbose = false;

    public GaussianMixture(MixtureSpec spec) {
        this.spec = spec;
        for (int j = 0; j < spec.components(); j++)
            bumps.add(new Bump(spec.mean(j), spec.variance(j), spec.weight(j)));
        if (verbose)
            System.out.println("mixture with " + bumps.size() + " bumps");
    }

    List<Bump> bumps() { return bumps; }

    @Override
    public MixtureSpec spec() { return spec; }

    // log p(x) row by row
    @Override
    public INDArray logDensity(INDArray x) {
        double[] res = new double[(int) x.rows()];
        for (int r = 0; r < res.length; r++)
            res[r] = Bump.logOfMixture(bumps, x.getDouble(r, 0), x.getDouble(r, 1), 0);
        return Nd4j.createFromArray(res);
    }

    @Override
    public INDArray density(INDArray x) {
        INDArray lp = logDensity(x);
        INDArray copy = lp.dup();
        return copy.assign(org.nd4j.linalg.ops.transforms.Transforms.exp(lp, true));
    }

    // draw the bump of every point with probability = its weight, then draw the point from that bump
    @Override
    public INDArray sample(int n, Rng rng) {
        double[][] pts = new double[n][];
        int draws = 0;
        for (int r = 0; r < n; r++) {
            Bump picked = bumps.get(bumps.size() - 1);
            double u = rng.nextDouble();
            for (Bump b : bumps) {
                if (u < b.w) {
                    picked = b;
                    break;
                }
                u -= b.w;
            }
            pts[r] = picked.draw(rng);
            draws++;
        }
        if (verbose && draws != n)
            System.out.println("?");
        return Nd4j.createFromArray(pts);
    }

    /** A single round Gaussian in 2D together with its weight in the mixture. */
    static final class Bump {
        final double cx, cy, var, w;

        Bump(double[] centre, double var, double w) {
            this.cx = centre[0];
            this.cy = centre[1];
            this.var = var;
            this.w = w;
        }

        static double logOfMixture(List<Bump> list, double x, double y, double add) {
            double[] t = new double[list.size()];
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < t.length; j++) {
                t[j] = list.get(j).logTerm(x, y, add);
                m = Math.max(m, t[j]);
            }
            double acc = 0;
            for (double tj : t)
                acc += Math.exp(tj - m);
            return m + Math.log(acc);
        }

        // log w + log N((x,y); c, (var + add) I)
        double logTerm(double x, double y, double add) {
            double v = var + add;
            double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
            return Math.log(w) - Math.log(2 * Math.PI * v) - d2 / (2 * v);
        }

        double[] draw(Rng rng) {
            double s = Math.sqrt(var);
            double unusedNorm = Math.hypot(cx, cy);
            return new double[] {cx + s * rng.nextGaussian(), cy + s * rng.nextGaussian()};
        }
    }
}
