package org.scorelab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/** A panel of text: a note wrapped to the panel's width, or a two-column table. */
final class TextPanel implements Panel {
    private final String title;
    private final List<String[]> rows;
    private final boolean table;

    TextPanel(String title, List<String[]> rows, boolean table) {
        this.title = title;
        this.rows = List.copyOf(rows);
        this.table = table;
    }

    @Override
    public void paint(Graphics2D g, Rectangle2D area) {
        double pad = 16;
        g.setColor(Color.WHITE);
        g.fill(area);
        g.setColor(new Color(200, 200, 200));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(area.getX() + pad / 2, area.getY() + pad / 2, area.getWidth() - pad, area.getHeight() - pad));
        g.setColor(Color.BLACK);
        g.setFont(Style.PANEL_TITLE);
        FontMetrics titleMetrics = g.getFontMetrics();
        double y = area.getY() + pad + titleMetrics.getAscent() + 4;
        g.drawString(title, (float) (area.getCenterX() - titleMetrics.stringWidth(title) / 2.0), (float) y);
        g.setFont(Style.TEXT);
        FontMetrics m = g.getFontMetrics();
        double left = area.getX() + 2 * pad;
        double width = area.getWidth() - 4 * pad;
        y += 1.8 * m.getHeight();
        if (table) {
            double keyWidth = rows.stream().mapToInt(r -> m.stringWidth(r[0])).max().orElse(0) + 2 * pad;
            for (String[] row : rows) {
                g.setFont(Style.TEXT_BOLD);
                g.drawString(row[0], (float) left, (float) y);
                g.setFont(Style.TEXT);
                for (String line : wrap(row[1], width - keyWidth, m)) {
                    g.drawString(line, (float) (left + keyWidth), (float) y);
                    y += m.getHeight() * 1.25;
                }
            }
        } else {
            for (String line : wrap(rows.get(0)[0], width, m)) {
                g.drawString(line, (float) left, (float) y);
                y += m.getHeight() * 1.25;
            }
        }
    }

    /** Greedy word wrap to {@code width} pixels. */
    static List<String> wrap(String text, double width, FontMetrics m) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() > 0 && m.stringWidth(line + " " + word) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
