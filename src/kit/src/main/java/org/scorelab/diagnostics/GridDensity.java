package org.scorelab.diagnostics;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.EnergyModel;

/**
 * The density exp(-f) / Z of a 2D energy model, normalised by quadrature: Z = h^2 sum over the centres c of an m x m
 * grid of cells of side h covering [-half, half]^2 of exp(-f(c)), computed with log-sum-exp. In two dimensions this is
 * exact up to the mass outside the box and the midpoint rule's O(h^2) error, so a trained energy's held-out
 * log-likelihood can be measured, which no sampler-based statistic gives.
 *
 * @param half half the side of the box
 * @param logZ log of the normalising constant
 */
public record GridDensity(double half, double logZ) {

    /** Normalises {@code energy} over [-half, half]^2 with an m x m grid. */
    public static GridDensity of(EnergyModel energy, double half, int m) {
        double h = 2 * half / m;
        double[] points = new double[2 * m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                points[2 * (i * m + j)] = -half + (i + 0.5) * h;
                points[2 * (i * m + j) + 1] = -half + (j + 0.5) * h;
            }
        }
        double[] f = energiesAt(energy, Nd4j.create(points, new long[] {(long) m * m, 2}, DataType.DOUBLE));
        double max = Arrays.stream(f).map(v -> -v).max().orElseThrow();
        double sum = Arrays.stream(f).map(v -> Math.exp(-v - max)).sum();
        return new GridDensity(half, max + Math.log(sum) + 2 * Math.log(h));
    }

    /** f at each point, as numbers. */
    static double[] energiesAt(EnergyModel energy, INDArray x) {
        return Autograd.noGrad(() -> energy.energy(Tensor.constant(x)).value().dup('c').data().asDouble());
    }

    /** The mean of log p(x) = -f(x) - log Z over {@code x} (shape [n, 2]), in nats. */
    public double meanLogLikelihood(EnergyModel energy, INDArray x) {
        return Arrays.stream(energiesAt(energy, x)).map(v -> -v - logZ).average().orElseThrow();
    }

    /** Per-point log p(x), for paired comparisons. */
    public double[] logLikelihoods(EnergyModel energy, INDArray x) {
        return Arrays.stream(energiesAt(energy, x)).map(v -> -v - logZ).toArray();
    }
}
