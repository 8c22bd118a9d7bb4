package org.scorelab.grading.index;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * summary.csv as a picture: one bar per task, in the sheets' order, split into the students with full, some and no
 * points and the students who did not submit the task's assignment. Drawn with JFreeChart, as the kit's figures are.
 */
final class DistributionChart {
    static final String FULL = "full points";
    static final String SOME = "some points";
    static final String NONE = "no points";
    static final String NO_SUBMISSION = "no submission";
    private static final int WIDTH = 900;

    private DistributionChart() {
    }

    /** The chart as PNG bytes. */
    static byte[] png(List<TaskDistribution> tasks) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TaskDistribution d : tasks) {
            String label = d.task().label() + (d.students() == 0 ? "" : String.format(Locale.ROOT, "  (mean %.2f of %.2f)",
                d.mean(), d.max()));
            data.addValue(d.full(), FULL, label);
            data.addValue(d.some(), SOME, label);
            data.addValue(d.none(), NONE, label);
            data.addValue(d.noSubmission(), NO_SUBMISSION, label);
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(null, null, "students", data, PlotOrientation.HORIZONTAL,
            true, false, false);
        style(chart);
        return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, 90 + 26 * Math.max(1, tasks.size())));
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(200, 200, 200));
        plot.setOutlineVisible(false);
        StackedBarRenderer bars = (StackedBarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setMaximumBarWidth(0.8);
        Color[] colours = {new Color(44, 160, 44), new Color(255, 187, 60), new Color(214, 39, 40), new Color(170, 170, 170)};
        for (int s = 0; s < colours.length; s++) {
            bars.setSeriesPaint(s, colours[s]);
        }
        CategoryAxis tasks = plot.getDomainAxis();
        tasks.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        tasks.setCategoryMargin(0.15);
        tasks.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis students = (NumberAxis) plot.getRangeAxis();
        students.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        students.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        students.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    }
}
