package org.scorelab.grading.index;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.scorelab.grading.similarity.SimilarityCheck;

/**
 * The pairs the similarity check flagged (docs/similarity.md), read back from the similarity.csv it left in the
 * output folder: this run's check, or an earlier run's when this one did not compare (a regrade of one student). They
 * are for the instructor's review and change no grade.
 *
 * @param pairs one per flagged pair, by assignment, most similar first
 * @param written when the check wrote the file, to the second
 */
record FlaggedPairs(List<Pair> pairs, Instant written) {
    /** One flagged pair, as similarity.csv has it. */
    record Pair(String assignment, String similarity, String studentA, String idA, String studentB, String idB,
                String sourceB, String files) {
    }

    /** The flagged pairs of {@code out}'s similarity.csv, or empty when no similarity check wrote one. */
    static Optional<FlaggedPairs> read(Path out) throws IOException {
        Path csv = out.resolve(SimilarityCheck.CSV);
        if (!Files.isRegularFile(csv)) {
            return Optional.empty();
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<Pair> pairs = format.parse(in).stream().map(FlaggedPairs::pair).toList();
            return Optional.of(new FlaggedPairs(pairs, Files.getLastModifiedTime(csv).toInstant()
                .truncatedTo(ChronoUnit.SECONDS)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(csv + " cannot be read as the similarity check writes it: " + e.getMessage(), e);
        }
    }

    private static Pair pair(CSVRecord r) {
        return new Pair(r.get("assignment"), r.get("similarity"), r.get("student_a"), r.get("id_a"), r.get("student_b"),
            r.get("id_b"), r.get("source_b"), r.get("files_matched"));
    }
}
