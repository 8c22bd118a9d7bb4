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
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scorelab.assignment.Grid;
import org.scorelab.dsm.api.DsmFigures;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.figures.Extent;
import org.scorelab.figures.FigureBook;
import org.scorelab.figures.Page;
import org.scorelab.figures.Panel;
import org.scorelab.figures.Plots;
import org.scorelab.random.Rng;
import org.scorelab.suites.dsm.MixtureTruth;

/**
 * The report's picture of what a submission's trained dsm model does, beside what it should do: the histogram of its
 * 5,000 samples next to 5,000 points of the exact mixture, and its score field next to the exact score of the
 * perturbed mixture at the same noise level. The hidden end-to-end check leaves the numbers in the test JVM's
 * {@value #FOLDER} folder; they are written by code running beside the submission, so they are read as untrusted
 * input: size-capped, every value parsed and checked, and anything else ignored.
 */
public final class SubmissionFigures {
    /** The folder, in a test JVM's working directory, where the suites leave their artifacts. */
    public static final String FOLDER = "artifacts";
    static final long MAX_BYTES = 2_000_000;
    static final int MAX_ROWS = 20_000;
    /** PNG pixels per page unit in the report: 1200 x 848 pixels. */
    static final double SCALE = 0.75;
    private static final Extent DATA = new Extent(-0.2, 1.2, -0.2, 1.2);

    private SubmissionFigures() {
    }

    /**
     * The figure as a PNG, base64-encoded for an HTML data URI, made from the artifacts in the test JVMs' working
     * directories under {@code workDir}; empty if the end-to-end check left none (public suites only, or the model
     * never got that far).
     */
    public static Optional<String> of(Path workDir) {
        try {
            return draw(find(workDir, "dsm-samples.csv", 2), find(workDir, "dsm-score-field.csv", 4));
        } catch (RuntimeException e) { // the artifacts come from beside the submission: a figure never fails a grading
            return Optional.empty();
        }
    }

    private static Optional<String> draw(Optional<Table> samples, Optional<Table> field) {
        MixtureTruth truth = new MixtureTruth(MixtureSpec.SHEET);
        List<Panel> panels = new ArrayList<>();
        samples.ifPresent(table -> {
            panels.add(Plots.histogram("samples of your trained model", points(table.rows(), 0), DATA, 128));
            panels.add(Plots.histogram("exact mixture", truth.sample(table.rows().length, new Rng(0)), DATA, 128));
        });
        Optional<Double> sigma = field.flatMap(Table::sigma);
        if (sigma.isPresent()) {
            double[][] rows = field.get().rows();
            int m = (int) Math.round(Math.sqrt(rows.length));
            if (m * m == rows.length && m >= 2) {
                Grid arrows = DsmFigures.around(sigma.get()).grid(m);
                INDArray yours = points(rows, 2);
                INDArray exact = truth.scores(arrows.points(), sigma.get());
                double max = Math.max(Plots.maxNorm(yours), Plots.maxNorm(exact));
                String level = String.format(Locale.ROOT, "sigma = %.3g", sigma.get());
                panels.add(Plots.scoreField("your learned score, " + level, arrows, yours, null, null, max));
                panels.add(Plots.scoreField("exact score, " + level, arrows, exact, null, null, max));
            }
        }
        if (panels.isEmpty()) {
            return Optional.empty();
        }
        Page page = new Page("dsm-report", "dsm: your pipeline's model beside the exact mixture",
            "From the hidden end-to-end check (Task 4.2): the suites' network trained by your loop, its learned score "
                + "(-grad_x f) and your sampler's samples, and what a perfect model gives. Arrows share one colour scale per "
                + "pair.", 2, panels);
        return Optional.of(png(page));
    }

    /**
     * An artifact: its comment line and its rows.
     *
     * @param comment the first line's text after "# ", or "" if it has none
     */
    record Table(String comment, double[][] rows) {
        /** The noise level of a score field, from its comment "sigma 0.129", if it is a plausible one. */
        Optional<Double> sigma() {
            if (!comment.startsWith("sigma ")) {
                return Optional.empty();
            }
            try {
                double sigma = Double.parseDouble(comment.substring(6).trim());
                return sigma > 0 && sigma < 100 ? Optional.of(sigma) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
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

    /** Columns {@code from}, {@code from + 1} of {@code rows} as points [n, 2]. */
    private static INDArray points(double[][] rows, int from) {
        INDArray all = Nd4j.createFromArray(rows);
        return all.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + 2)).dup('c');
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
