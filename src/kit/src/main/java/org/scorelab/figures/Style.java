package org.scorelab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/**
 * Fonts and colours of every figure, sized for print: a page is drawn at {@link Page#WIDTH} x {@link Page#HEIGHT}
 * units and scaled onto A4 landscape (0.53 pt per unit), so 16-unit axis labels print at about 8.5 pt.
 */
final class Style {
    static final Font PAGE_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 28);
    static final Font PAGE_CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 19);
    static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    static final Font TEXT_BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    static final Color DATA = new Color(120, 120, 120);
    static final Color MODEL = new Color(31, 119, 180);
    static final Color ACCENT = new Color(214, 39, 40);

    private Style() {
    }

    /** Applies the print fonts and a white, grid-less plot to {@code chart}. */
    static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(PANEL_TITLE);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinesVisible(false);
            plot.setRangeGridlinesVisible(false);
            plot.setOutlinePaint(Color.DARK_GRAY);
            plot.setOutlineStroke(new BasicStroke(1f));
            for (int i = 0; i < plot.getDomainAxisCount(); i++) {
                axis(plot.getDomainAxis(i));
            }
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                axis(plot.getRangeAxis(i));
            }
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(TICK);
        }
        return chart;
    }

    private static void axis(ValueAxis axis) {
        if (axis != null) {
            axis.setLabelFont(AXIS_LABEL);
            axis.setTickLabelFont(TICK);
        }
    }
}
