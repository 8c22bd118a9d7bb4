package org.scorelab.suites.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a graded test leaves for the grader's report besides its verdict: rows of numbers (e.g. the samples of a
 * student's trained model) as {@code <name>.csv} in the folder named by the system property {@value #PROPERTY}, which
 * the grader sets. Without the property (a student's local run) nothing is written. Best effort: an artifact that
 * cannot be written never changes a test's result.
 */
public final class Artifacts {
    public static final String PROPERTY = "scorelab.artifacts";

    private Artifacts() {
    }

    /**
     * Writes {@code rows} (shape [n, d]) as CSV, after a comment line {@code # <comment>}.
     *
     * @param name lower-case letters, digits and dashes
     */
    public static void save(String name, String comment, INDArray rows) {
        String folder = System.getProperty(PROPERTY);
        if (folder == null || rows == null || rows.rank() != 2 || !name.matches("[a-z0-9-]+")) {
            return;
        }
        int d = (int) rows.size(1);
        double[] values = rows.dup('c').data().asDouble();
        StringBuilder csv = new StringBuilder("# ").append(comment.replace('\n', ' ')).append('\n');
        for (int i = 0; i < values.length; i++) {
            csv.append(String.format(Locale.ROOT, "%.6g", values[i])).append((i + 1) % d == 0 ? '\n' : ',');
        }
        try {
            Path dir = Files.createDirectories(Path.of(folder));
            Files.writeString(dir.resolve(name + ".csv"), csv);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save the artifact " + name + ": " + e.getMessage());
        }
    }
}
