package org.scorelab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.VectorRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.VectorSeries;
import org.jfree.data.xy.VectorSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.Grid;

/** The charts of the sheets, each as a {@link Panel}: histograms, heat maps, score fields, scatter plots, loss curves. */
public final class Plots {
    private Plots() {
    }

    /**
     * A 2D histogram (matplotlib's {@code hist2d}): points counted in {@code bins} x {@code bins} cells of
     * {@code extent}; the number of points outside it is written under the title.
     *
     * @param points shape [n, 2]
     */
    public static Panel histogram(String title, INDArray points, Extent extent, int bins) {
        double[][] counts = counts(points, extent, bins);
        long inside = Math.round(Arrays.stream(counts).flatMapToDouble(Arrays::stream).sum());
        long outside = points.size(0) - inside;
        String note = String.format(Locale.ROOT, "%,d points, %d x %d bins", points.size(0), bins, bins)
            + (outside > 0 ? String.format(Locale.ROOT, ", %,d outside the frame", outside) : "");
        return heatMap(title, note, extent.binCentres(bins), counts, ColourScale.viridis(0, max(counts)), "points per bin");
    }

    /**
     * The number of {@code points} (shape [n, 2]) in each of {@code bins} x {@code bins} equal cells of {@code extent},
     * indexed [j][i] (y then x) like {@link Grid#reshape} of {@code extent.binCentres(bins)}; points outside are not
     * counted.
     */
    public static double[][] counts(INDArray points, Extent extent, int bins) {
        double[] xy = coordinates(points);
        double[][] counts = new double[bins][bins];
        for (int p = 0; p < xy.length / 2; p++) {
            int i = (int) Math.floor((xy[2 * p] - extent.xMin()) / extent.width() * bins);
            int j = (int) Math.floor((xy[2 * p + 1] - extent.yMin()) / extent.height() * bins);
            if (i >= 0 && i < bins && j >= 0 && j < bins) {
                counts[j][i]++;
            }
        }
        return counts;
    }

    /**
     * A heat map of {@code values} on {@code grid} (indexed [j][i], y then x, as {@link Grid#reshape}).
     *
     * @param valueLabel what the colour means, e.g. "density" or "exp(-f)"
     */
    public static Panel heatMap(String title, Grid grid, double[][] values, String valueLabel) {
        return heatMap(title, null, grid, values, ColourScale.viridis(min(values), max(values)), valueLabel);
    }

    private static Panel heatMap(String title, String note, Grid grid, double[][] values, ColourScale scale, String valueLabel) {
        XYPlot plot = plane(grid.xMin(), grid.xMax(), grid.yMin(), grid.yMax());
        plot.setDataset(0, blocks(grid, values));
        plot.setRenderer(0, blockRenderer(grid, scale));
        JFreeChart chart = chart(title, plot);
        if (note != null) {
            subtitle(chart, note);
        }
        chart.addSubtitle(legend(scale, valueLabel));
        return square(Style.apply(chart));
    }

    /**
     * A score field (quiver plot): one arrow per point of {@code arrows}, all of the same length and pointing along the
     * score, coloured by the score's magnitude; behind it, in greys, {@code density} on {@code background} if not null.
     * Equal lengths keep the directions readable where the score is small and where it is large alike; the colour
     * bar gives the magnitude.
     *
     * @param scores the score at each point of {@code arrows.points()}, shape [m^2, 2]
     */
    public static Panel scoreField(String title, Grid arrows, INDArray scores, Grid background, double[][] density) {
        return scoreField(title, arrows, scores, background, density, Double.NaN);
    }

    /**
     * As {@link #scoreField(String, Grid, INDArray, Grid, double[][])}, with the colour bar running from 0 to
     * {@code maxMagnitude} (NaN: from the smallest to the largest magnitude shown), so that fields drawn side by side
     * share one colour scale.
     */
    public static Panel scoreField(String title, Grid arrows, INDArray scores, Grid background, double[][] density,
        double maxMagnitude) {
        double[] s = coordinates(scores);
        int n = s.length / 2;
        if (n != arrows.resolution() * arrows.resolution()) {
            throw new IllegalArgumentException("a score field needs one score per arrow: " + arrows.resolution()
                + "^2 arrows, " + n + " scores");
        }
        double length = 0.75 * Math.min(step(arrows), (arrows.yMax() - arrows.yMin()) / (arrows.resolution() - 1));
        VectorSeries series = new VectorSeries("score");
        double[] magnitudes = new double[n];
        int kept = 0;
        int broken = 0;
        for (int j = 0; j < arrows.resolution(); j++) {
            for (int i = 0; i < arrows.resolution(); i++) {
                int p = j * arrows.resolution() + i;
                double norm = Math.hypot(s[2 * p], s[2 * p + 1]);
                if (!Double.isFinite(norm)) {
                    broken++;
                } else if (norm > 0) {
                    double dx = length * s[2 * p] / norm;
                    double dy = length * s[2 * p + 1] / norm;
                    series.add(arrows.x(i) - dx / 2, arrows.y(j) - dy / 2, dx, dy);
                    magnitudes[kept++] = norm;
                }
            }
        }
        double[] shown = Arrays.copyOf(magnitudes, kept);
        ColourScale scale = Double.isNaN(maxMagnitude) ? ColourScale.magma(min(shown), max(shown))
            : ColourScale.magma(0, maxMagnitude);
        XYPlot plot = plane(arrows.xMin() - length, arrows.xMax() + length, arrows.yMin() - length, arrows.yMax() + length);
        VectorSeriesCollection vectors = new VectorSeriesCollection();
        vectors.addSeries(series);
        plot.setDataset(0, vectors);
        plot.setRenderer(0, new MagnitudeArrows(shown, scale));
        if (background != null) {
            plot.setDataset(1, blocks(background, density));
            plot.setRenderer(1, blockRenderer(background, ColourScale.greys(0, max(density))));
        }
        JFreeChart chart = chart(title, plot);
        if (broken > 0) {
            subtitle(chart, broken + " of " + n + " scores are NaN or infinite");
        }
        chart.addSubtitle(legend(scale, "|score|"));
        return square(Style.apply(chart));
    }

    /**
     * Points of a model beside points of the data, as small translucent dots.
     *
     * @param data shape [n, 2]; drawn in grey
     * @param samples shape [m, 2]; drawn in blue
     */
    public static Panel scatter(String title, Extent extent, INDArray data, String dataLabel, INDArray samples, String samplesLabel) {
        XYSeriesCollection points = new XYSeriesCollection();
        points.addSeries(series(dataLabel, coordinates(data)));
        points.addSeries(series(samplesLabel, coordinates(samples)));
        XYPlot plot = plane(extent.xMin(), extent.xMax(), extent.yMin(), extent.yMax());
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        Ellipse2D.Double dot = new Ellipse2D.Double(-1.5, -1.5, 3, 3);
        dots.setSeriesShape(0, dot);
        dots.setSeriesShape(1, dot);
        dots.setSeriesPaint(0, new Color(120, 120, 120, 90));
        dots.setSeriesPaint(1, new Color(31, 119, 180, 140));
        plot.setDataset(points);
        plot.setRenderer(dots);
        JFreeChart chart = new JFreeChart(title, Style.PANEL_TITLE, plot, true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        return square(Style.apply(chart));
    }

    /**
     * The loss of every iteration (light) and its moving average over 2% of the run (dark, from the first iteration: the
     * mean of the iterations so far until the window fills). Both axes show the whole run (issue 19: the axis spanned
     * the 1st to 99th percentile, which cut off the first iterations' higher losses), with about six ticks each.
     */
    public static Panel lossCurve(String title, double[] losses) {
        XYSeries raw = new XYSeries("loss per iteration");
        XYSeries smooth = new XYSeries("moving average");
        int window = Math.max(1, losses.length / 50);
        double sum = 0;
        int counted = 0;
        for (int k = 0; k < losses.length; k++) {
            raw.add(k + 1, losses[k]);
            if (Double.isFinite(losses[k])) {
                sum += losses[k];
                counted++;
            }
            if (k >= window && Double.isFinite(losses[k - window])) {
                sum -= losses[k - window];
                counted--;
            }
            if (counted > 0) {
                smooth.add(k + 1, sum / counted);
            }
        }
        XYSeriesCollection curves = new XYSeriesCollection();
        curves.addSeries(raw);
        curves.addSeries(smooth);
        NumberAxis iteration = new NumberAxis("iteration");
        // 3% beyond the last iteration, so that the last tick's label is not cut by the panel's edge.
        iteration.setRange(0, 1.03 * Math.max(1, losses.length));
        iteration.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(niceTick(Math.max(1, losses.length))));
        NumberAxis loss = new NumberAxis("loss");
        double[] range = lossRange(losses);
        if (range != null) {
            loss.setRange(range[0], range[1]);
            double tick = niceTick(range[1] - range[0]);
            int decimals = Math.max(0, (int) Math.ceil(-Math.log10(tick) - 1e-9));
            loss.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(tick, new java.text.DecimalFormat(
                decimals == 0 ? "0" : "0." + "0".repeat(decimals), java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))));
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, new Color(31, 119, 180, 70));
        lines.setSeriesPaint(1, new Color(8, 48, 107));
        lines.setSeriesStroke(1, new BasicStroke(2.2f));
        XYPlot plot = new XYPlot(curves, iteration, loss, lines);
        JFreeChart chart = new JFreeChart(title, Style.PANEL_TITLE, plot, true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        return Panel.of(Style.apply(chart));
    }

    /** Arrows coloured by their score's magnitude, in the order they were added. */
    private static final class MagnitudeArrows extends VectorRenderer {
        private final double[] magnitudes;
        private final transient ColourScale scale;

        MagnitudeArrows(double[] magnitudes, ColourScale scale) {
            this.magnitudes = magnitudes;
            this.scale = scale;
            setDefaultStroke(new BasicStroke(1.6f));
            setAutoPopulateSeriesStroke(false);
        }

        @Override
        public Paint getItemPaint(int series, int item) {
            return scale.getPaint(magnitudes[item]);
        }
    }

    /**
     * A chart of the plane drawn into the largest centred part of its cell with the plane about square (the colour bar
     * and axis labels take about 12% of the width), so distances look the same along both axes.
     */
    private static Panel square(JFreeChart chart) {
        return (g, area) -> {
            double width = Math.min(area.getWidth(), area.getHeight() * 1.12);
            double height = Math.min(area.getHeight(), area.getWidth() / 1.12);
            chart.draw(g, new java.awt.geom.Rectangle2D.Double(area.getCenterX() - width / 2, area.getCenterY() - height / 2,
                width, height));
        };
    }

    /** A tick spacing of 1, 2 or 5 times a power of ten giving about six ticks over {@code range}. */
    /** The loss axis's range: every finite loss, with 5% of the span above and below; null without two finite values. */
    static double[] lossRange(double[] losses) {
        double[] finite = Arrays.stream(losses).filter(Double::isFinite).toArray();
        if (finite.length < 2) {
            return null;
        }
        double low = Arrays.stream(finite).min().orElseThrow();
        double high = Arrays.stream(finite).max().orElseThrow();
        double pad = Math.max(1e-12, 0.05 * (high - low));
        return new double[] {low - pad, high + pad};
    }

    static double niceTick(double range) {
        double raw = range / 6;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / power;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
    }

    /** A square-looking x-y plane with axes "x_1", "x_2". */
    private static XYPlot plane(double xMin, double xMax, double yMin, double yMax) {
        NumberAxis x = new NumberAxis("x\u2081");
        NumberAxis y = new NumberAxis("x\u2082");
        x.setRange(xMin, xMax);
        y.setRange(yMin, yMax);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(niceTick(xMax - xMin)));
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(niceTick(yMax - yMin)));
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    private static DefaultXYZDataset blocks(Grid grid, double[][] values) {
        int m = grid.resolution();
        if (values.length != m || values[0].length != m) {
            throw new IllegalArgumentException("a heat map needs " + m + " x " + m + " values, got " + values.length + " x "
                + values[0].length);
        }
        double[][] xyz = new double[3][m * m];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < m; i++) {
                xyz[0][j * m + i] = grid.x(i);
                xyz[1][j * m + i] = grid.y(j);
                xyz[2][j * m + i] = values[j][i];
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("values", xyz);
        return dataset;
    }

    private static XYBlockRenderer blockRenderer(Grid grid, ColourScale scale) {
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(step(grid));
        renderer.setBlockHeight((grid.yMax() - grid.yMin()) / (grid.resolution() - 1));
        renderer.setPaintScale(scale);
        return renderer;
    }

    private static PaintScaleLegend legend(ColourScale scale, String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(niceTick(scale.getUpperBound() - scale.getLowerBound())));
        axis.setLabelFont(Style.AXIS_LABEL);
        axis.setTickLabelFont(Style.TICK);
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        legend.setMargin(new RectangleInsets(8, 4, 8, 4));
        legend.setSubdivisionCount(128);
        return legend;
    }

    private static JFreeChart chart(String title, XYPlot plot) {
        return new JFreeChart(title, Style.PANEL_TITLE, plot, false);
    }

    private static void subtitle(JFreeChart chart, String text) {
        TextTitle subtitle = new TextTitle(text, Style.TICK);
        subtitle.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(subtitle);
    }

    private static XYSeries series(String label, double[] xy) {
        XYSeries series = new XYSeries(label, false, true);
        for (int p = 0; p < xy.length / 2; p++) {
            series.add(xy[2 * p], xy[2 * p + 1], false);
        }
        return series;
    }

    private static double step(Grid grid) {
        return (grid.xMax() - grid.xMin()) / (grid.resolution() - 1);
    }

    /** The largest finite norm of the rows of {@code vectors} (shape [n, 2]), or 0: a shared colour scale's top. */
    public static double maxNorm(INDArray vectors) {
        double[] s = coordinates(vectors);
        double max = 0;
        for (int p = 0; p < s.length / 2; p++) {
            double norm = Math.hypot(s[2 * p], s[2 * p + 1]);
            if (Double.isFinite(norm)) {
                max = Math.max(max, norm);
            }
        }
        return max;
    }

    /** Row-major coordinates of points of shape [n, 2], failing with both shapes otherwise. */
    static double[] coordinates(INDArray points) {
        if (points.rank() != 2 || points.size(1) != 2) {
            throw new IllegalArgumentException("a figure needs points of shape [n, 2], got " + Arrays.toString(points.shape()));
        }
        return points.dup('c').data().asDouble();
    }

    private static double max(double[][] values) {
        return Arrays.stream(values).flatMapToDouble(Arrays::stream).filter(Double::isFinite).max().orElse(1);
    }

    private static double min(double[][] values) {
        return Arrays.stream(values).flatMapToDouble(Arrays::stream).filter(Double::isFinite).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(1);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }
}
