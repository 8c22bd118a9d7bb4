package org.scorelab.course;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.scorelab.figures.FigureBook;

/**
 * Makes every figure of one or all sheets from the implementation on the class path (the reference's, or a student's
 * template): {@code [seed] [ASSIGNMENT|both] [folder]}, by default {@code 0 both figures}, where ASSIGNMENT is any
 * registered assignment's name ({@link Course}). Writes one PNG per page and {@code figures.pdf} with all pages. The
 * reference and the template call it from {@code org.scorelab.Figures}.
 */
public final class FiguresCommand {
    private FiguresCommand() {
    }

    static String usage(Course course) {
        return "usage: Figures [seed] [" + String.join("|", course.names()) + "|both] [folder], e.g. 0 both figures";
    }

    public static void main(String[] args) {
        List<Path> written = run(args);
        System.out.println("Wrote " + written.size() + " files:");
        written.forEach(p -> System.out.println("  " + p));
    }

    /** Makes and writes the figures; returns the files written, the PDF last. */
    public static List<Path> run(String[] args) {
        return run(Course.installed(), args);
    }

    static List<Path> run(Course course, String[] args) {
        String usage = usage(course);
        if (args.length > 3) {
            throw new IllegalArgumentException(usage + " (got " + args.length + " arguments)");
        }
        long seed;
        try {
            seed = args.length > 0 ? Long.parseLong(args[0]) : 0L;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage + " (the seed must be a whole number, got '" + args[0] + "')", e);
        }
        String which = args.length > 1 ? args[1].toLowerCase(Locale.ROOT) : "both";
        boolean all = which.equals("both") || which.equals(Course.ALL);
        if (!all && course.find(which).isEmpty()) {
            throw new IllegalArgumentException(usage + " (the assignment must be " + String.join(", ", course.names())
                + " or both, got '" + args[1] + "')");
        }
        Path folder = Path.of(args.length > 2 ? args[2] : "figures");
        FigureBook book = new FigureBook();
        // "both" makes what the class path holds: a handout of one assignment has only that one's solution.
        List<AssignmentDescriptor> chosen = all
            ? course.assignments().stream().filter(AssignmentDescriptor::implemented).toList()
            : List.of(course.named(which));
        for (AssignmentDescriptor a : chosen) {
            System.out.println(a.name() + " figures, seed " + seed + " (" + a.figuresCost() + ")");
            book.addAll(a.figures(seed));
        }
        if (chosen.isEmpty()) {
            throw new IllegalStateException("no assignment's solution is on the class path: run the figures from the module "
                + "that holds " + String.join(" or ", course.assignments().stream().map(a -> a.packageName() + ".Solution")
                .toList()));
        }
        return book.write(folder, "figures.pdf");
    }
}
