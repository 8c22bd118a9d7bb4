package org.scorelab.grading.similarity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The similarity check of a class, per assignment, and where its files are.
 *
 * @param threshold the similarity at or above which a pair was flagged
 * @param assignments each assignment's check
 * @param csv similarity.csv: the flagged pairs
 * @param notComparedCsv similarity-not-compared.csv: the submissions and files left out
 */
public record SimilarityResult(double threshold, List<AssignmentResult> assignments, Path csv, Path notComparedCsv) {
    public SimilarityResult {
        assignments = List.copyOf(assignments);
    }

    /** The flagged pairs of every assignment. */
    public List<SimilarPair> flagged() {
        return assignments.stream().flatMap(a -> a.flagged().stream()).toList();
    }

    /** The submissions and files left out, of every assignment. */
    public List<NotCompared> notCompared() {
        return assignments.stream().flatMap(a -> a.notCompared().stream()).toList();
    }

    /** What the console shows: per assignment the counts, the report, the flagged pairs, what was left out. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Similarity check (JPlag %s, the template's code left out): for the"
            + " instructor's review, it changes no grade. Pairs at or above %.2f: %s", SimilarityCheck.JPLAG_VERSION,
            threshold, csv));
        for (AssignmentResult a : assignments) {
            if (a.note() != null) {
                lines.add("  " + a.assignment() + ": " + a.note());
            } else {
                lines.add(String.format(Locale.ROOT, "  %s: %d submission(s)%s, %d pair(s) compared in %.1f s (%.1f s with"
                        + " parsing and the report), %d flagged; JPlag's report: %s", a.assignment(), a.compared(),
                    a.archived() == 0 ? "" : " against " + a.archived() + " of earlier terms", a.pairs().size(),
                    a.comparingSeconds(), a.seconds(), a.flagged().size(), a.report()));
            }
            for (SimilarPair p : a.flagged()) {
                lines.add(String.format(Locale.ROOT, "    %.2f  %s ~ %s: %s", p.similarity(), p.a().label(), p.b().label(),
                    p.filesText()));
            }
        }
        List<NotCompared> left = notCompared();
        if (!left.isEmpty()) {
            lines.add("  Not compared (listed in " + notComparedCsv + "):");
            left.forEach(n -> lines.add("    " + n.assignment() + " " + n.participant().label() + ", " + n.what() + ": "
                + n.why()));
        }
        lines.add("  Open a report in JPlag's report viewer: docs/similarity.md says how.");
        return lines;
    }
}
