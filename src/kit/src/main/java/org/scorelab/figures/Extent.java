package org.scorelab.figures;

import org.scorelab.assignment.Grid;

/**
 * The rectangle of the plane a panel shows.
 *
 * @param xMin left edge
 * @param xMax right edge
 * @param yMin bottom edge
 * @param yMax top edge
 */
public record Extent(double xMin, double xMax, double yMin, double yMax) {
    public Extent {
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("an extent needs xMin < xMax and yMin < yMax, got " + this);
        }
    }

    /** The square of half-width {@code half} around (cx, cy). */
    public static Extent around(double cx, double cy, double half) {
        return new Extent(cx - half, cx + half, cy - half, cy + half);
    }

    /** A grid of {@code resolution} points per side spanning this extent. */
    public Grid grid(int resolution) {
        return new Grid(xMin, xMax, yMin, yMax, resolution);
    }

    /** The centres of {@code bins} x {@code bins} equal cells of this extent, as a grid. */
    public Grid binCentres(int bins) {
        double dx = width() / bins;
        double dy = height() / bins;
        return new Grid(xMin + dx / 2, xMax - dx / 2, yMin + dy / 2, yMax - dy / 2, bins);
    }

    double width() {
        return xMax - xMin;
    }

    double height() {
        return yMax - yMin;
    }
}
