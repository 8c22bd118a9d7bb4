package org.scorelab.grading.similarity;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.Match;
import de.jplag.Submission;
import de.jplag.exceptions.ExitException;
import de.jplag.options.JPlagOptions;
import de.jplag.reporting.reportobject.ReportObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scorelab.grading.report.AtomicFiles;

/**
 * Runs JPlag on one assignment's layout: the class's submissions as new submissions, the archive's as old ones (only
 * compared with the class's), the template as base code, so matches never include the template's code and the
 * similarity is over each submission's own code only (JPlag 4.3, {@code JPlagComparison.similarity()}).
 */
final class AssignmentCheck {
    /** JPlag's report shows at least this many of the most similar pairs (its default), and every flagged one. */
    static final int REPORTED_PAIRS = 100;

    private AssignmentCheck() {
    }

    /**
     * Every pair JPlag compared, flagged or not, and the submissions it could not use.
     *
     * @param report where to write JPlag's report file (zip), or null for none
     * @param threshold the similarity at or above which a pair is flagged
     */
    static Outcome run(String assignment, Workspace.Layout layout, double threshold, Path report, Path scratch)
        throws IOException {
        List<NotCompared> notCompared = new ArrayList<>(layout.leftOut());
        JPlagOptions options = new JPlagOptions(new SortedJava(), Set.of(layout.classRoot().toFile()),
            layout.archiveRoot() == null ? Set.of() : Set.of(layout.archiveRoot().toFile()))
            .withBaseCodeSubmissionDirectory(layout.base().toFile());
        JPlagResult result;
        try {
            result = runOnALargeStack(options);
        } catch (ExitException e) {
            return new Outcome(List.of(), notCompared, 0, 0, null, "JPlag did not compare: " + e.getMessage(), 0);
        }
        for (Submission s : result.getSubmissions().getInvalidSubmissions()) {
            notCompared.add(new NotCompared(assignment, participant(layout, s), null,
                "JPlag could not parse it, or it has fewer than " + options.minimumTokenMatch() + " tokens"));
        }
        List<SimilarPair> pairs = new ArrayList<>();
        int lastFlagged = -1;
        List<JPlagComparison> all = result.getAllComparisons(); // by average similarity, highest first
        for (int i = 0; i < all.size(); i++) {
            SimilarPair pair = pair(assignment, layout, all.get(i));
            pairs.add(pair);
            if (pair.flaggedAt(threshold)) {
                lastFlagged = i;
            }
        }
        pairs.sort(Comparator.comparingDouble(SimilarPair::similarity).reversed()
            .thenComparing(p -> p.a().label()).thenComparing(p -> p.b().label()));
        Path written = report == null ? null : writeReport(result, options, Math.max(REPORTED_PAIRS, lastFlagged + 1),
            report, scratch);
        long compared = result.getSubmissions().getSubmissions().stream().filter(Submission::isNew).count();
        return new Outcome(pairs, notCompared, (int) compared, result.getNumberOfSubmissions() - (int) compared, written, null,
            result.getDuration() / 1e3);
    }

    /**
     * Runs JPlag on a thread with a 512 MB stack: it parses every submission with javac and walks the trees
     * recursively on the calling thread, and {@link ParseCheck} has already left out, on an ordinary stack, any file
     * nested deeply enough to overflow one.
     */
    private static JPlagResult runOnALargeStack(JPlagOptions options) throws ExitException {
        Object[] outcome = new Object[1];
        Thread jplag = new Thread(null, () -> {
            try {
                outcome[0] = new JPlag(options).run();
            } catch (ExitException | RuntimeException | Error e) {
                outcome[0] = e;
            }
        }, "scorelab-jplag", 512L << 20);
        jplag.start();
        try {
            jplag.join();
        } catch (InterruptedException e) {
            jplag.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JPlag compared", e);
        }
        if (outcome[0] instanceof ExitException e) {
            throw e;
        }
        if (outcome[0] instanceof RuntimeException e) {
            throw e;
        }
        if (outcome[0] instanceof Error e) {
            throw e;
        }
        return (JPlagResult) outcome[0];
    }

    /**
     * What JPlag found.
     *
     * @param pairs every pair compared, flagged or not, by average similarity, highest first
     * @param comparingSeconds JPlag's own time for the comparisons
     */
    record Outcome(List<SimilarPair> pairs, List<NotCompared> notCompared, int compared, int archived, Path report,
                   String note, double comparingSeconds) {
    }

    /** The comparison as a pair, the class's student first (and of two, the first by name). */
    private static SimilarPair pair(String assignment, Workspace.Layout layout, JPlagComparison c) {
        Participant first = participant(layout, c.firstSubmission());
        Participant second = participant(layout, c.secondSubmission());
        boolean swap = !first.inClass() || (second.inClass() && first.label().compareTo(second.label()) > 0);
        Map<List<String>, Integer> tokens = new LinkedHashMap<>();
        for (Match m : c.matches()) {
            String a = c.firstSubmission().getTokenList().get(m.startOfFirst()).getFile().getName();
            String b = c.secondSubmission().getTokenList().get(m.startOfSecond()).getFile().getName();
            tokens.merge(swap ? List.of(b, a) : List.of(a, b), m.length(), Integer::sum);
        }
        List<SimilarPair.FileMatch> files = new ArrayList<>();
        tokens.forEach((ab, n) -> files.add(new SimilarPair.FileMatch(ab.get(0), ab.get(1), n)));
        files.sort(Comparator.comparingInt(SimilarPair.FileMatch::tokens).reversed());
        return new SimilarPair(assignment, swap ? second : first, swap ? first : second, c.similarity(),
            c.maximalSimilarity(), c.getNumberOfMatchedTokens(), files);
    }

    private static Participant participant(Workspace.Layout layout, Submission s) {
        try {
            Participant p = layout.participants().get(s.getRoot().getCanonicalFile().toPath());
            if (p == null) {
                throw new IllegalStateException("JPlag compared a folder the check did not write: " + s.getRoot());
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JPlag's report (a zip for its report viewer) with the {@code shown} most similar pairs, written atomically. */
    private static Path writeReport(JPlagResult result, JPlagOptions options, int shown, Path report, Path scratch)
        throws IOException {
        JPlagResult toShow = new JPlagResult(result.getAllComparisons(), result.getSubmissions(), result.getDuration(),
            options.withMaximumNumberOfComparisons(shown));
        toShow.setClusteringResult(result.getClusteringResult());
        Files.createDirectories(scratch.getParent());
        new ReportObjectFactory().createAndSaveReport(toShow, scratch.toString());
        Path zip = Path.of(scratch + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IOException("JPlag wrote no report at " + zip);
        }
        AtomicFiles.write(report, Files.readAllBytes(zip));
        return report;
    }
}
