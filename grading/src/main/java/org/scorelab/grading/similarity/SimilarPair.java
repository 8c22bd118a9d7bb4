package org.scorelab.grading.similarity;

import java.util.List;

/**
 * Two submissions of one assignment and what JPlag found in common, the template's code left out.
 *
 * @param assignment the assignment's name (e.g. "dsm")
 * @param a a student of the class
 * @param b another student of the class, or of an earlier term
 * @param similarity JPlag's average similarity: matched tokens over both submissions' tokens, in [0, 1]
 * @param maxSimilarity JPlag's maximum similarity: matched tokens over the smaller submission's tokens, in [0, 1]
 * @param matchedTokens the tokens in matches
 * @param files the files the matches are in, most matched first
 */
public record SimilarPair(String assignment, Participant a, Participant b, double similarity, double maxSimilarity,
                          int matchedTokens, List<FileMatch> files) {
    public SimilarPair {
        files = List.copyOf(files);
    }

    /**
     * Matches between one file of each submission.
     *
     * @param fileA the file of {@code a}, e.g. {@code AnalyticScores.java}
     * @param fileB the file of {@code b}
     * @param tokens the tokens matched between them
     */
    public record FileMatch(String fileA, String fileB, int tokens) {
        @Override
        public String toString() {
            return (fileA.equals(fileB) ? fileA : fileA + " ~ " + fileB) + " (" + tokens + " tokens)";
        }
    }

    /** True when the pair's similarity is at or above {@code threshold}. */
    public boolean flaggedAt(double threshold) {
        return similarity >= threshold;
    }

    /** The matched files as one line: "AnalyticScores.java (212 tokens); NoiseSchedule.java (31 tokens)". */
    public String filesText() {
        return String.join("; ", files.stream().map(FileMatch::toString).toList());
    }
}
