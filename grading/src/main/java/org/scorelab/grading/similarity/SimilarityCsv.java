package org.scorelab.grading.similarity;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The check's two CSV files: the flagged pairs, and what was not compared. */
final class SimilarityCsv {
    static final String[] PAIRS = {"assignment", "similarity", "max_similarity", "student_a", "id_a", "student_b", "id_b",
        "source_b", "matched_tokens", "files_matched"};
    static final String[] NOT_COMPARED = {"assignment", "student", "id", "source", "what", "why"};

    private SimilarityCsv() {
    }

    /** similarity.csv: one row per flagged pair, by assignment, most similar first. */
    static String pairs(List<SimilarPair> pairs) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(PAIRS).build())) {
            for (SimilarPair p : pairs) {
                csv.printRecord(p.assignment(), format(p.similarity()), format(p.maxSimilarity()), p.a().student().name(),
                    p.a().student().id(), p.b().student().name(), p.b().student().id(), p.b().source(), p.matchedTokens(),
                    p.filesText());
            }
        }
        return out.toString();
    }

    /** similarity-not-compared.csv: one row per submission or file left out. */
    static String notCompared(List<NotCompared> left) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(NOT_COMPARED).build())) {
            for (NotCompared n : left) {
                csv.printRecord(n.assignment(), n.participant().student().name(), n.participant().student().id(),
                    n.participant().source(), n.what(), n.why());
            }
        }
        return out.toString();
    }

    private static String format(double similarity) {
        return String.format(Locale.ROOT, "%.3f", similarity);
    }
}
