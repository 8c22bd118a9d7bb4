package org.scorelab.grading.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.scorelab.course.AssignmentDescriptor;
import org.scorelab.course.Course;
import org.scorelab.course.ReportFigure;
import org.scorelab.course.ReportFigure.Table;
import org.scorelab.figures.FigureBook;
import org.scorelab.figures.Page;

/**
 * The report's picture of what a submission did, drawn by the {@link ReportFigure} of an assignment (the dsm model's
 * samples and score field beside the exact mixture's). The hidden checks leave the numbers in the test JVM's
 * {@value #FOLDER} folder; they are written by code running beside the submission, so they are read here as untrusted
 * input: size-capped, every value parsed and checked, and anything else ignored. One figure per report: the first
 * assignment, in the course's order, whose figure the artifacts allow.
 */
public final class SubmissionFigures {
    /** The folder, in a test JVM's working directory, where the suites leave their artifacts. */
    public static final String FOLDER = "artifacts";
    static final long MAX_BYTES = 2_000_000;
    static final int MAX_ROWS = 20_000;
    /** PNG pixels per page unit in the report: 1200 x 848 pixels. */
    static final double SCALE = 0.75;

    private SubmissionFigures() {
    }

    /**
     * The figure as a PNG, base64-encoded for an HTML data URI, made from the artifacts in the test JVMs' working
     * directories under {@code workDir}; empty if the checks left none (public suites only, or the model never got
     * that far).
     */
    public static Optional<String> of(Path workDir) {
        return of(Course.installed(), workDir);
    }

    static Optional<String> of(Course course, Path workDir) {
        for (AssignmentDescriptor a : course.assignments()) {
            try {
                Optional<Page> page = a.reportFigure().flatMap(f -> f.draw((name, columns) -> find(workDir, name, columns)));
                if (page.isPresent()) {
                    return Optional.of(png(page.get()));
                }
            } catch (RuntimeException e) { // the artifacts come from beside the submission: a figure never fails a grading
                continue;
            }
        }
        return Optional.empty();
    }

    /** The artifact {@code name} in any test JVM folder under {@code workDir}, if it is well-formed. */
    private static Optional<Table> find(Path workDir, String name, int columns) {
        try (Stream<Path> runs = Files.list(workDir)) {
            for (Path run : (Iterable<Path>) runs.filter(p -> p.getFileName().toString().startsWith("run"))::iterator) {
                Path file = run.resolve(FOLDER).resolve(name);
                if (Files.isRegularFile(file) && Files.size(file) <= MAX_BYTES) {
                    Optional<Table> table = parse(Files.readAllLines(file), columns);
                    if (table.isPresent()) {
                        return table;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no figure rather than a failed report
        }
        return Optional.empty();
    }

    /** Rows of exactly {@code columns} numbers after an optional comment line; empty if any line is not. */
    static Optional<Table> parse(List<String> lines, int columns) {
        String comment = !lines.isEmpty() && lines.get(0).startsWith("# ") ? lines.get(0).substring(2) : "";
        List<double[]> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != columns || rows.size() >= MAX_ROWS) {
                return Optional.empty();
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                try {
                    row[c] = Double.parseDouble(cells[c]);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            rows.add(row);
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Table(comment, rows.toArray(double[][]::new)));
    }

    private static String png(Page page) {
        BufferedImage image = FigureBook.image(page, SCALE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
