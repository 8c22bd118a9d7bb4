package org.scorelab.grading.similarity;

import java.nio.file.Path;
import java.util.List;

/**
 * One assignment's check.
 *
 * @param assignment the assignment's name (e.g. "dsm")
 * @param compared the class's submissions JPlag compared
 * @param archived the earlier terms' submissions they were compared against
 * @param threshold the similarity at or above which a pair is flagged
 * @param pairs every pair JPlag compared, most similar first
 * @param notCompared the submissions and files left out, with the reason
 * @param report JPlag's report file, or null when JPlag did not run
 * @param note why JPlag did not run (fewer than two submissions), or null
 * @param comparingSeconds JPlag's time comparing the pairs (after parsing)
 * @param seconds the check's wall time: laying out and parsing the files, comparing, the report
 */
public record AssignmentResult(String assignment, int compared, int archived, double threshold, List<SimilarPair> pairs,
                               List<NotCompared> notCompared, Path report, String note, double comparingSeconds,
                               double seconds) {
    public AssignmentResult {
        pairs = List.copyOf(pairs);
        notCompared = List.copyOf(notCompared);
    }

    /** The pairs at or above the threshold, most similar first. */
    public List<SimilarPair> flagged() {
        return pairs.stream().filter(p -> p.flaggedAt(threshold)).toList();
    }
}
