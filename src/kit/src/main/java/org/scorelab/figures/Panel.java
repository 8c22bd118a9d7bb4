package org.scorelab.figures;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;

/** One cell of a {@link Page}: a chart, a table or a note, painted into the rectangle the page gives it. */
@FunctionalInterface
public interface Panel {
    void paint(Graphics2D g, Rectangle2D area);

    /** A JFreeChart chart as a panel. */
    static Panel of(JFreeChart chart) {
        return (g, area) -> chart.draw(g, area);
    }

    /** A framed note in place of a figure, e.g. "Task 3.3 not implemented yet: skipped". */
    static Panel note(String title, String text) {
        return new TextPanel(title, java.util.Collections.singletonList(new String[] {text}), false);
    }

    /** A two-column table of names and values, e.g. a method's hyper-parameters; {@code rows} are {name, value}. */
    static Panel table(String title, java.util.List<String[]> rows) {
        return new TextPanel(title, rows, true);
    }
}
