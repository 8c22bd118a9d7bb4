package org.scorelab.grading.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check on the corpus (five independent solutions, six disguised copies, the reference, two untouched templates and
 * an upload that does not parse), run once at the default threshold: exactly the copy pairs are flagged.
 */
class SimilarityCheckTests {
    @TempDir
    static Path dir;

    static SimilarityResult result;

    @BeforeAll
    static void checkTheCorpus() throws IOException {
        result = new SimilarityCheck(SimilarityCheck.DEFAULT_THRESHOLD, List.of())
            .run(SimilarityCorpus.classFolder(dir.resolve("class")), dir.resolve("out"));
    }

    /** "dsm Alice Archer ~ Fiona Frost", names in order. */
    private static String pair(String assignment, String x, String y) {
        return assignment + " " + (x.compareTo(y) < 0 ? x + " ~ " + y : y + " ~ " + x);
    }

    private static Set<String> flagged() {
        Set<String> flagged = new TreeSet<>();
        result.flagged().forEach(p -> flagged.add(pair(p.assignment(), p.a().student().name(), p.b().student().name())));
        return flagged;
    }

    private static Set<String> copyPairs() {
        Set<String> copies = new TreeSet<>();
        List<String> students = new ArrayList<>(SimilarityCorpus.copyOf().keySet());
        for (String assignment : List.of("dsm", "ebm")) {
            for (String x : students) {
                for (String y : students) {
                    if (x.compareTo(y) < 0 && SimilarityCorpus.copied(x, y)) {
                        copies.add(pair(assignment, x, y));
                    }
                }
            }
        }
        return copies;
    }

    @Test
    void everyCopyIsFlaggedWithItsOriginalAndWithTheOtherCopiesOfIt() {
        assertThat(copyPairs()).hasSize(14).contains("dsm Alice Archer ~ Fiona Frost", "ebm Emil Eriksen ~ Julia Jung",
            "dsm Fiona Frost ~ Karl Klein");
        assertThat(flagged()).containsAll(copyPairs());
    }

    @Test
    void noIndependentPairIsFlagged() {
        assertThat(flagged()).as("pairs flagged that are not copies").isSubsetOf(copyPairs());
        SimilarPair closest = result.assignments().stream().flatMap(a -> a.pairs().stream())
            .filter(p -> !SimilarityCorpus.copied(p.a().student().name(), p.b().student().name()))
            .max(java.util.Comparator.comparingDouble(SimilarPair::similarity)).orElseThrow();
        assertThat(closest.similarity()).as("the most similar independent pair, " + closest)
            .isLessThan(SimilarityCheck.DEFAULT_THRESHOLD - 0.05);
    }

    @Test
    void untouchedTemplatesAreNotSimilarToEachOtherNorToAnyone() {
        List<SimilarPair> withTemplates = result.assignments().stream().flatMap(a -> a.pairs().stream())
            .filter(p -> SimilarityCorpus.TEMPLATES.contains(p.a().student().name())
                || SimilarityCorpus.TEMPLATES.contains(p.b().student().name())).toList();
        assertThat(withTemplates).extracting(p -> pair(p.assignment(), p.a().student().name(), p.b().student().name()))
            .contains("dsm Tom Template ~ Una Untouched");
        assertThat(withTemplates).allSatisfy(p -> assertThat(p.similarity()).as(p.toString()).isZero());
    }

    @Test
    void aSubmissionThatDoesNotParseIsListedAsNotComparedAndTheRestGoesOn() throws IOException {
        assertThat(result.notCompared()).singleElement().satisfies(n -> {
            assertThat(n.participant().student().name()).isEqualTo(SimilarityCorpus.PIA);
            assertThat(n.assignment()).isEqualTo("dsm");
            assertThat(n.what()).isEqualTo("the submission");
            assertThat(n.why()).isEqualTo("no file with tasks parses: AnalyticScores.java line 18: ';' expected");
        });
        AssignmentResult dsm = result.assignments().get(0);
        assertThat(dsm.compared()).as("the corpus, Ada and the two templates").isEqualTo(14);
        assertThat(dsm.pairs()).hasSize(14 * 13 / 2);
        assertThat(dsm.pairs()).noneMatch(p -> p.a().student().name().equals(SimilarityCorpus.PIA)
            || p.b().student().name().equals(SimilarityCorpus.PIA));
        assertThat(Files.readAllLines(result.notComparedCsv())).containsExactly("assignment,student,id,source,what,why",
            "dsm,Pia Parse,200030,class,the submission,no file with tasks parses: AnalyticScores.java line 18: ';' expected");
    }

    @Test
    void theCsvNamesBothStudentsTheAssignmentTheSimilarityAndTheFilesMatched() throws IOException {
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
            .parse(Files.newBufferedReader(result.csv())).getRecords();
        assertThat(rows).hasSize(14);
        CSVRecord alice = rows.stream().filter(r -> r.get("assignment").equals("dsm")
            && r.get("student_a").equals("Alice Archer") && r.get("student_b").equals("Fiona Frost")).findFirst().orElseThrow();
        assertThat(alice.get("id_a")).isEqualTo("200001");
        assertThat(alice.get("id_b")).isEqualTo("200006");
        assertThat(alice.get("source_b")).isEqualTo("class");
        assertThat(Double.parseDouble(alice.get("similarity"))).isGreaterThan(0.9);
        assertThat(alice.get("files_matched")).contains("GaussianMixture.java (", "AnalyticScores.java (",
            "AnnealedLangevin.java (");
        assertThat(Integer.parseInt(alice.get("matched_tokens"))).isPositive();
        assertThat(rows).extracting(r -> r.get("assignment")).containsOnly("dsm", "ebm");
        assertThat(rows).extracting(r -> Double.parseDouble(r.get("similarity")))
            .allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(SimilarityCheck.DEFAULT_THRESHOLD));
    }

    @Test
    void jplagsReportFileIsWrittenPerAssignmentWithEveryFlaggedPair() throws IOException {
        for (AssignmentResult a : result.assignments()) {
            assertThat(a.report()).isEqualTo(dir.resolve("out/similarity-" + a.assignment() + ".zip"));
            try (ZipFile zip = new ZipFile(a.report().toFile())) {
                JsonNode overview = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("overview.json")));
                assertThat(overview.at("/jplag_version/major").asInt()).isEqualTo(4);
                assertThat(overview.get("base_code_folder_path").asText()).isEqualTo("template");
                JsonNode comparisons = overview.get("submission_ids_to_comparison_file_name");
                for (SimilarPair p : a.flagged()) {
                    String file = comparisons.path(p.a().student().fileKey()).path(p.b().student().fileKey()).asText();
                    assertThat(zip.getEntry(file)).as("the comparison of " + p.a().label() + " and " + p.b().label())
                        .isNotNull();
                }
            }
        }
    }

    @Test
    void theSummaryNamesTheFlaggedPairsAndSaysItChangesNoGrade() {
        assertThat(String.join("\n", result.summary())).contains("it changes no grade")
            .contains("Alice Archer (200001) ~ Fiona Frost (200006)")
            .contains("Emil Eriksen (200005) ~ Julia Jung (200010)")
            .contains("Not compared").contains("Pia Parse (200030), the submission: no file with tasks parses");
    }
}
