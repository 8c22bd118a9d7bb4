package org.scorelab.figures;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.scorelab.dsm.api.DsmFigures;
import org.scorelab.dsm.api.DsmSolution;
import org.scorelab.ebm.api.EbmFigures;
import org.scorelab.ebm.api.EbmSolution;

/**
 * Makes every figure of one or both sheets from the implementation on the class path (the reference's, or a
 * student's template): {@code [seed] [dsm|ebm|both] [folder]}, by default {@code 0 both figures}. Writes one PNG per
 * page and {@code figures.pdf} with all pages. The reference and the template call it from {@code org.scorelab.Figures}.
 */
public final class FiguresCommand {
    static final String USAGE = "usage: Figures [seed] [dsm|ebm|both] [folder], e.g. 0 both figures";

    private FiguresCommand() {
    }

    private static boolean present(Class<?> service) {
        return java.util.ServiceLoader.load(service).findFirst().isPresent();
    }

    public static void main(String[] args) {
        List<Path> written = run(args);
        System.out.println("Wrote " + written.size() + " files:");
        written.forEach(p -> System.out.println("  " + p));
    }

    /** Makes and writes the figures; returns the files written, the PDF last. */
    public static List<Path> run(String[] args) {
        if (args.length > 3) {
            throw new IllegalArgumentException(USAGE + " (got " + args.length + " arguments)");
        }
        long seed;
        try {
            seed = args.length > 0 ? Long.parseLong(args[0]) : 0L;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(USAGE + " (the seed must be a whole number, got '" + args[0] + "')", e);
        }
        String which = args.length > 1 ? args[1].toLowerCase(Locale.ROOT) : "both";
        if (!List.of("dsm", "ebm", "both").contains(which)) {
            throw new IllegalArgumentException(USAGE + " (the assignment must be dsm, ebm or both, got '" + args[1] + "')");
        }
        Path folder = Path.of(args.length > 2 ? args[2] : "figures");
        FigureBook book = new FigureBook();
        // "both" makes what the class path holds: a handout of one assignment has only that one's solution.
        boolean dsm = which.equals("dsm") || which.equals("both") && present(DsmSolution.class);
        boolean ebm = which.equals("ebm") || which.equals("both") && present(EbmSolution.class);
        if (dsm) {
            System.out.println("dsm figures, seed " + seed + " (training takes about a minute)");
            book.addAll(DsmFigures.make(DsmSolution.load(), seed));
        }
        if (ebm) {
            System.out.println("ebm figures, seed " + seed + " (four trainings: a few minutes)");
            book.addAll(EbmFigures.make(EbmSolution.load(), seed));
        }
        if (!dsm && !ebm) {
            throw new IllegalStateException("no assignment's solution is on the class path: run the figures from the module "
                + "that holds org.scorelab.dsm.Solution or org.scorelab.ebm.Solution");
        }
        return book.write(folder, "figures.pdf");
    }
}
