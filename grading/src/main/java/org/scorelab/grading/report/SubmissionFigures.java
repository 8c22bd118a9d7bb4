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
        Optional<double[][]> samples = find(workDir, "dsm-samples.csv", 2);
        Optional<double[][]> field = find(workDir, "dsm-score-field.csv", 4);
        if (samples.isEmpty() && field.isEmpty()) {
            return Optional.empty();
        }
        double sigma = field.isPresent() ? sigma(workDir).orElse(Double.NaN) : Double.NaN;
        MixtureTruth truth = new MixtureTruth(MixtureSpec.SHEET);
        List<Panel> panels = new ArrayList<>();
        samples.ifPresent(rows -> {
            panels.add(Plots.histogram("samples of your trained model", points(rows, 0), DATA, 128));
            panels.add(Plots.histogram("exact mixture", truth.sample(rows.length, new Rng(0)), DATA, 128));
        });
        if (field.isPresent() && !Double.isNaN(sigma)) {
            double[][] rows = field.get();
            int m = (int) Math.round(Math.sqrt(rows.length));
            double half = 0.7 + 3 * sigma;
            Grid arrows = new Grid(0.5 - half, 0.5 + half, 0.5 - half, 0.5 + half, m);
            if (m * m == rows.length && m >= 2) {
                INDArray yours = points(rows, 2);
                INDArray exact = truth.scores(arrows.points(), sigma);
                double max = Math.max(Plots.maxNorm(yours), Plots.maxNorm(exact));
                String level = String.format(Locale.ROOT, "sigma = %.3g", sigma);
                panels.add(Plots.scoreField("your learned score, " + level, arrows, yours, null, null, max));
                panels.add(Plots.scoreField("exact score, " + level, arrows, exact, null, null, max));
            }
        }
        if (panels.isEmpty()) {
            return Optional.empty();
        }
        Page page = new Page("dsm-report", "dsm: your trained model beside the exact mixture",
            "From the hidden end-to-end check (Task 4.2): your pipeline's samples and learned score (-grad_x f), and what "
                + "a perfect model gives. Arrows share one colour scale per pair.", 2, panels);
        return Optional.of(png(page));
    }

    /** The rows of {@code name} in any test JVM folder under {@code workDir}, if it is well-formed. */
    private static Optional<double[][]> find(Path workDir, String name, int columns) {
        try (Stream<Path> runs = Files.list(workDir)) {
            for (Path run : (Iterable<Path>) runs.filter(p -> p.getFileName().toString().startsWith("run"))::iterator) {
                Path file = run.resolve(FOLDER).resolve(name);
                if (Files.isRegularFile(file) && Files.size(file) <= MAX_BYTES) {
                    Optional<double[][]> rows = parse(Files.readAllLines(file), columns);
                    if (rows.isPresent()) {
                        return rows;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no figure rather than a failed report
        }
        return Optional.empty();
    }

    /** Rows of exactly {@code columns} finite numbers after the comment line; empty if any line is not. */
    static Optional<double[][]> parse(List<String> lines, int columns) {
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
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.toArray(double[][]::new));
    }

    /** The noise level of the score field, from its comment line "# sigma 0.129". */
    private static Optional<Double> sigma(Path workDir) {
        try (Stream<Path> runs = Files.list(workDir)) {
            for (Path run : (Iterable<Path>) runs::iterator) {
                Path file = run.resolve(FOLDER).resolve("dsm-score-field.csv");
                if (Files.isRegularFile(file) && Files.size(file) <= MAX_BYTES) {
                    String first = Files.readAllLines(file).get(0);
                    if (first.startsWith("# sigma ")) {
                        double sigma = Double.parseDouble(first.substring(8).trim());
                        if (sigma > 0 && sigma < 100) {
                            return Optional.of(sigma);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
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
