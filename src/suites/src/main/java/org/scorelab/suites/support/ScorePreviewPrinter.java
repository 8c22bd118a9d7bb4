package org.scorelab.suites.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints the score preview that {@link ScorePreview} wrote during Surefire's run, after Surefire, so that it ends the
 * student's {@code mvn test} (issue 19). Run by the student pom's {@code exec:java@score-preview} in the test phase:
 * {@code ScorePreviewPrinter PREVIEW_FILE [--reports=SUREFIRE_REPORTS_FOLDER]}. The file is deleted once printed, so
 * that a run whose checks did not run ({@code -DskipTests}) prints nothing rather than an old preview. With
 * {@code --reports=} a folder (the {@code full-log} profile), Surefire's reports, with whole stack traces, are printed
 * first.
 */
public final class ScorePreviewPrinter {
    private ScorePreviewPrinter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ScorePreviewPrinter PREVIEW_FILE [--reports=FOLDER]");
        }
        for (int i = 1; i < args.length; i++) {
            String reports = args[i].startsWith("--reports=") ? args[i].substring("--reports=".length()) : "";
            if (!reports.isBlank()) {
                printReports(Path.of(reports));
            }
        }
        Path preview = Path.of(args[0]);
        if (Files.isRegularFile(preview)) {
            System.out.print(Files.readString(preview, StandardCharsets.UTF_8));
            System.out.flush();
            Files.delete(preview);
        }
    }

    /** Surefire's per-class reports ({@code *.txt}), in name order. */
    private static void printReports(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> reports;
        try (Stream<Path> files = Files.list(folder)) {
            // Not the checks' output files: with the full log the output went to the terminal as the checks ran, and an
            // -output.txt left there is an earlier run's.
            reports = files.map(Path::toString).filter(p -> p.endsWith(".txt") && !p.endsWith("-output.txt")).sorted()
                .map(Path::of).toList();
        }
        for (Path report : reports) {
            System.out.println("\n---- " + folder.relativize(report) + " ----");
            System.out.print(Files.readString(report, StandardCharsets.UTF_8));
        }
    }
}
