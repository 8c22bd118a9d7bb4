package org.scorelab.figures;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * One page of figures: a title, a caption and panels laid out in a grid of {@code columns} columns, drawn at
 * {@value #WIDTH} x {@value #HEIGHT} units (a PNG pixel, or 0.53 pt on an A4 landscape PDF page).
 *
 * @param name the file name of the page's PNG, without extension, e.g. "dsm-1-data"
 * @param title e.g. "Task 1.1: 10,000 samples of the mixture"
 * @param caption one or two sentences under the title: what is shown, with which settings
 * @param columns panels per row
 * @param panels in reading order
 */
public record Page(String name, String title, String caption, int columns, List<Panel> panels) {
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 1130;

    public Page {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a page name is lower-case letters, digits and dashes, got '" + name + "'");
        }
        if (columns < 1 || panels.isEmpty()) {
            throw new IllegalArgumentException("a page needs at least one column and one panel, got " + columns + " and "
                + panels.size());
        }
        panels = List.copyOf(panels);
    }

    /** Paints the page onto {@code g}, whose user space is {@value #WIDTH} x {@value #HEIGHT}. */
    public void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(Style.PAGE_TITLE);
        FontMetrics titleMetrics = g.getFontMetrics();
        int y = 20 + titleMetrics.getAscent();
        g.drawString(title, 30, y);
        g.setFont(Style.PAGE_CAPTION);
        g.setColor(Color.DARK_GRAY);
        y += 6;
        for (String line : TextPanel.wrap(caption, WIDTH - 60, g.getFontMetrics())) {
            y += g.getFontMetrics().getHeight();
            g.drawString(line, 30, y);
        }
        double top = y + 16;
        int rows = (panels.size() + columns - 1) / columns;
        double cellWidth = (WIDTH - 20.0) / columns;
        double cellHeight = (HEIGHT - top - 10) / rows;
        for (int k = 0; k < panels.size(); k++) {
            Rectangle2D cell = new Rectangle2D.Double(10 + (k % columns) * cellWidth, top + (k / columns) * cellHeight,
                cellWidth, cellHeight);
            Graphics2D sub = (Graphics2D) g.create();
            try {
                panels.get(k).paint(sub, cell);
            } finally {
                sub.dispose();
            }
        }
    }
}
