package org.scorelab.data;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.random.Rng;

/**
 * A Gaussian in the plane with a diagonal covariance, N(mean, diag(std^2)): the noise distribution q of NCE, a start
 * distribution for Langevin sampling, and the broad baseline a trained model has to beat.
 *
 * <p>log q(x) = -sum_a [ (x_a - mean_a)^2 / (2 std_a^2) + log std_a ] - log(2 pi).
 */
public final class Gaussian implements PointDistribution {
    private final double[] mean;
    private final double[] std;

    /**
     * @param mean the mean, 2 numbers
     * @param std the standard deviation of each coordinate, 2 positive numbers
     */
    public Gaussian(double[] mean, double[] std) {
        if (mean.length != 2 || std.length != 2) {
            throw new IllegalArgumentException("a Gaussian in the plane needs 2 means and 2 standard deviations, got "
                + mean.length + " and " + std.length);
        }
        for (double s : std) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("standard deviations must be positive and finite, got " + Arrays.toString(std));
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** N(0, std^2 I). */
    public static Gaussian isotropic(double std) {
        return new Gaussian(new double[] {0, 0}, new double[] {std, std});
    }

    /**
     * The Gaussian with the data's mean and its per-coordinate standard deviation times {@code widen}: a noise
     * distribution that covers the data when {@code widen} is above 1.
     *
     * @param data points, shape [n, 2], n at least 2
     */
    public static Gaussian fittedTo(INDArray data, double widen) {
        if (data.rank() != 2 || data.size(1) != 2 || data.size(0) < 2) {
            throw new IllegalArgumentException("fitting a Gaussian needs points of shape [n >= 2, 2], got "
                + Arrays.toString(data.shape()));
        }
        double[] m = data.mean(0).toDoubleVector();
        double[] s = data.std(true, 0).toDoubleVector();
        return new Gaussian(m, new double[] {s[0] * widen, s[1] * widen});
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] std() {
        return std.clone();
    }

    @Override
    public INDArray sample(int n, Rng rng) {
        INDArray z = rng.normal(n, 2);
        z.getColumn(0).muli(std[0]).addi(mean[0]);
        z.getColumn(1).muli(std[1]).addi(mean[1]);
        return z;
    }

    /**
     * @param x points, shape [n, 2]
     * @return log q(x), shape [n, 1]
     */
    public INDArray logDensity(INDArray x) {
        if (x.rank() != 2 || x.size(1) != 2) {
            throw new IllegalArgumentException("log-density needs points of shape [n, 2], got " + Arrays.toString(x.shape()));
        }
        double constant = -Math.log(2 * Math.PI) - Math.log(std[0]) - Math.log(std[1]);
        INDArray u = x.getColumn(0).castTo(DataType.DOUBLE).sub(mean[0]).divi(std[0]);
        INDArray v = x.getColumn(1).castTo(DataType.DOUBLE).sub(mean[1]).divi(std[1]);
        return u.muli(u).addi(v.mul(v)).muli(-0.5).addi(constant).reshape(x.size(0), 1);
    }

    /** log q at one point. */
    public double logDensity(double x, double y) {
        double u = (x - mean[0]) / std[0];
        double v = (y - mean[1]) / std[1];
        return -0.5 * (u * u + v * v) - Math.log(2 * Math.PI) - Math.log(std[0]) - Math.log(std[1]);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "N((%.3f, %.3f), diag(%.3f^2, %.3f^2))", mean[0], mean[1], std[0], std[1]);
    }
}
