package org.scorelab.assignment;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A regular grid over a rectangle of the plane (NumPy's {@code meshgrid}), flattened to a list of points so that
 * densities and scores can be evaluated on it in one batch.
 *
 * @param xMin left edge
 * @param xMax right edge
 * @param yMin bottom edge
 * @param yMax top edge
 * @param resolution points per side
 */
public record Grid(double xMin, double xMax, double yMin, double yMax, int resolution) {
    static {
        org.scorelab.autograd.Precision.useDouble();
    }

    public Grid {
        if (!(xMin < xMax) || !(yMin < yMax) || resolution < 2) {
            throw new IllegalArgumentException("a grid needs xMin < xMax, yMin < yMax and at least 2 points per side, got "
                + this);
        }
    }

    /** The square [min, max]^2. */
    public static Grid square(double min, double max, int resolution) {
        return new Grid(min, max, min, max, resolution);
    }

    /** Coordinate i of the x axis, i in [0, resolution). */
    public double x(int i) {
        return xMin + (xMax - xMin) * i / (resolution - 1);
    }

    /** Coordinate j of the y axis. */
    public double y(int j) {
        return yMin + (yMax - yMin) * j / (resolution - 1);
    }

    /** All grid points, row j (y) major: point {@code j * resolution + i} is (x(i), y(j)); shape [resolution^2, 2]. */
    public INDArray points() {
        double[][] p = new double[resolution * resolution][];
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                p[j * resolution + i] = new double[] {x(i), y(j)};
            }
        }
        return Nd4j.createFromArray(p);
    }

    /** The area of one cell between neighbouring grid points. */
    public double cellArea() {
        return (xMax - xMin) / (resolution - 1) * (yMax - yMin) / (resolution - 1);
    }

    /**
     * Non-negative values on the flattened grid divided by their Riemann sum over the grid, so that they integrate to
     * about 1 over its rectangle: an unnormalised density made a density.
     */
    public INDArray normalise(INDArray values) {
        return values.div(values.sumNumber().doubleValue() * cellArea());
    }

    /** Values of the flattened grid ({@link #points()} order) as a [resolution][resolution] table indexed [j][i]. */
    public double[][] reshape(INDArray values) {
        if (values.length() != (long) resolution * resolution) {
            throw new IllegalArgumentException("expected " + resolution * resolution + " values, got " + values.length());
        }
        double[] flat = values.dup('c').reshape(values.length()).toDoubleVector();
        double[][] table = new double[resolution][resolution];
        for (int j = 0; j < resolution; j++) {
            System.arraycopy(flat, j * resolution, table[j], 0, resolution);
        }
        return table;
    }
}
