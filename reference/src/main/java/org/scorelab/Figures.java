package org.scorelab;

import org.scorelab.course.FiguresCommand;

/**
 * Makes every figure of both sheets from this module's solutions into {@code figures/} (one PNG per page and
 * {@code figures.pdf}); tasks not implemented yet leave a note on their page. Arguments: {@code [seed] [dsm|ebm|both]
 * [folder]}. Run: {@code mvn -q exec:java -Dexec.mainClass=org.scorelab.Figures -Dexec.args="0 dsm"}.
 */
public final class Figures {
    private Figures() {
    }

    public static void main(String[] args) {
        FiguresCommand.main(args);
    }
}
