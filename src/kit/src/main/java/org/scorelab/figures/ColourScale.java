package org.scorelab.figures;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * A perceptually uniform colour map over [lower, upper] for heat maps and arrows, as a JFreeChart {@link PaintScale}.
 * Values outside the range are clamped; NaN is drawn grey, so a broken model shows as a grey patch, not as a colour.
 *
 * <p>Written here because JFreeChart ships only grey and lookup scales; the colours are matplotlib's viridis and
 * magma sampled at nine points (public domain, van der Walt and Smith 2015), interpolated linearly in RGB.
 */
public final class ColourScale implements PaintScale {
    private static final int[][] VIRIDIS = {
        {68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141},
        {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}};
    private static final int[][] MAGMA = {
        {0, 0, 4}, {28, 16, 68}, {79, 18, 123}, {129, 37, 129}, {181, 54, 122},
        {229, 80, 100}, {251, 135, 97}, {254, 194, 135}, {252, 253, 191}};
    private static final int[][] GREYS = {{255, 255, 255}, {200, 200, 200}};
    private static final Color MISSING = new Color(160, 160, 160);

    private final double lower;
    private final double upper;
    private final int[][] anchors;

    private ColourScale(double lower, double upper, int[][] anchors) {
        if (!(lower < upper)) {
            // A constant field (an untrained model, a zero score) still gets a valid, visibly flat scale.
            upper = lower + Math.max(1e-12, Math.abs(lower) * 1e-9);
        }
        this.lower = lower;
        this.upper = upper;
        this.anchors = anchors;
    }

    /** Viridis over [lower, upper]: for densities and energies. */
    public static ColourScale viridis(double lower, double upper) {
        return new ColourScale(lower, upper, VIRIDIS);
    }

    /** Magma over [lower, upper], its brightest end cut off so arrows stay visible on white: for score magnitudes. */
    public static ColourScale magma(double lower, double upper) {
        return new ColourScale(lower, upper, java.util.Arrays.copyOf(MAGMA, MAGMA.length - 2));
    }

    /** White to light grey over [lower, upper]: a density behind coloured arrows. */
    public static ColourScale greys(double lower, double upper) {
        return new ColourScale(lower, upper, GREYS);
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double t = Math.min(1, Math.max(0, (value - lower) / (upper - lower))) * (anchors.length - 1);
        int i = Math.min((int) t, anchors.length - 2);
        double f = t - i;
        int[] a = anchors[i];
        int[] b = anchors[i + 1];
        return new Color(mix(a[0], b[0], f), mix(a[1], b[1], f), mix(a[2], b[2], f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
