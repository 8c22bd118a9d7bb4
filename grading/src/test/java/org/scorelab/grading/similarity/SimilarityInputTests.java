package org.scorelab.grading.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.Uploads;

/** Small classes of the corpus: a broken file among good ones, earlier terms' archives, bad arguments, too few. */
class SimilarityInputTests {
    private static final String ALICE = "Alice Archer_200001_assignsubmission_file_";
    private static final String BRUNO = "Bruno Brandt_200002_assignsubmission_file_";
    private static final String FIONA = "Fiona Frost_200006_assignsubmission_file_";
    private static final String KARL = "Karl Klein_200011_assignsubmission_file_";

    @TempDir
    Path dir;

    private Path classOf(String name, String... students) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (String s : students) {
            SimilarityCorpus.copyTree(SimilarityCorpus.resources().resolve("class").resolve(s), folder.resolve(s));
        }
        return folder;
    }

    private static SimilarityCheck check(Path... archives) {
        return new SimilarityCheck(SimilarityCheck.DEFAULT_THRESHOLD, List.of(archives));
    }

    @Test
    void aFileThatDoesNotParseIsLeftOutAndTheRestOfItsSubmissionIsStillCompared() throws IOException {
        Path folder = classOf("class", ALICE, BRUNO);
        // Rita uploads Alice's files and a Solution.java that does not parse: grading would use the template's
        // Solution.java and cost her nothing, so it must not take her out of the check either.
        Path rita = SimilarityCorpus.copyTree(folder.resolve(ALICE), folder.resolve("Rita Rogue_200032_assignsubmission_file_"));
        String solution = Uploads.TEMPLATE.source("org/scorelab/dsm/Solution.java");
        Files.writeString(rita.resolve("Solution.java"), solution.replace("return new NoiseSchedule();", "return new NoiseSchedule()"));

        SimilarityResult r = check().run(folder, dir.resolve("out"));

        assertThat(r.notCompared()).singleElement().satisfies(n -> {
            assertThat(n.participant().student().name()).isEqualTo("Rita Rogue");
            assertThat(n.what()).isEqualTo("Solution.java");
            assertThat(n.why()).startsWith("does not parse (line ").contains("';' expected")
                .endsWith("the submission's other files were compared");
        });
        assertThat(r.flagged()).extracting(p -> p.assignment() + " " + p.a().student().name() + " ~ " + p.b().student().name())
            .containsExactlyInAnyOrder("dsm Alice Archer ~ Rita Rogue", "ebm Alice Archer ~ Rita Rogue");
    }

    @Test
    void aFileNestedTooDeeplyForTheParserIsLeftOutAndTheCheckGoesOn() throws Exception {
        Path folder = classOf("class", ALICE, BRUNO);
        Path nina = SimilarityCorpus.copyTree(folder.resolve(ALICE), folder.resolve("Nina Nested_200033_assignsubmission_file_"));
        String nested = "(".repeat(50_000) + "0.02" + ")".repeat(50_000);
        Files.writeString(nina.resolve("NoiseSchedule.java"), Files.readString(nina.resolve("NoiseSchedule.java"))
            .replace("NoiseLevels.geometric(0.02,", "NoiseLevels.geometric(" + nested + ","));
        SimilarityResult[] result = new SimilarityResult[1];
        Throwable[] failure = new Throwable[1];
        // An ordinary thread's stack (1 MB here), on which javac's parser overflows long before 50,000 parentheses.
        Thread small = new Thread(null, () -> {
            try {
                result[0] = check().run(folder, dir.resolve("out"));
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "small-stack", 1L << 20);
        small.start();
        small.join();

        assertThat(failure[0]).isNull();
        assertThat(result[0].notCompared()).singleElement().satisfies(n -> {
            assertThat(n.participant().student().name()).isEqualTo("Nina Nested");
            assertThat(n.what()).isEqualTo("NoiseSchedule.java");
            assertThat(n.why()).startsWith("does not parse (nested too deeply for javac's parser)");
        });
        assertThat(result[0].flagged()).extracting(p -> p.assignment() + " " + p.a().student().name() + " ~ "
            + p.b().student().name()).contains("dsm Alice Archer ~ Nina Nested");
    }

    @Test
    void anArchiveIsComparedWithTheClassButItsSubmissionsNotWithEachOther() throws IOException {
        Path archive = classOf("2024", ALICE, FIONA); // a copy pair, but both of an earlier term
        Path folder = classOf("class", KARL, BRUNO);

        SimilarityResult r = check(archive).run(folder, dir.resolve("out"));

        assertThat(r.flagged()).extracting(p -> p.assignment() + " " + p.a().label() + " ~ " + p.b().label())
            .containsExactlyInAnyOrder(
                "dsm Karl Klein (200011) ~ Alice Archer (200001) [archive 2024]",
                "dsm Karl Klein (200011) ~ Fiona Frost (200006) [archive 2024]",
                "ebm Karl Klein (200011) ~ Alice Archer (200001) [archive 2024]",
                "ebm Karl Klein (200011) ~ Fiona Frost (200006) [archive 2024]");
        AssignmentResult dsm = r.assignments().get(0);
        assertThat(dsm.compared()).isEqualTo(2);
        assertThat(dsm.archived()).isEqualTo(2);
        assertThat(dsm.pairs()).as("class-class and class-archive pairs, no archive-archive pair").hasSize(1 + 2 * 2)
            .allMatch(p -> p.a().inClass());
        assertThat(Files.readString(r.csv())).contains(",Karl Klein,200011,Alice Archer,200001,archive 2024,");
    }

    @Test
    void aMissingArchiveIsAClearErrorBeforeAnyCheck() {
        Path missing = dir.resolve("2023-not-here");
        assertThat(SimilarityCheck.archiveProblem(missing)).isEqualTo("The similarity archive " + missing + " is not a"
            + " folder: give an earlier term's class folder (a folder or zip per student, as the LMS downloads them).");
        assertThatThrownBy(() -> check(missing)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage(SimilarityCheck.archiveProblem(missing));
        assertThatThrownBy(() -> new SimilarityCheck(0, List.of())).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("the similarity threshold must be in (0, 1], got 0.0");
    }

    @Test
    void anAssignmentWithFewerThanTwoSubmissionsIsNotComparedAndSaysWhy() throws IOException {
        Path folder = classOf("class", ALICE);

        SimilarityResult r = check().run(folder, dir.resolve("out"));

        assertThat(r.assignments()).allSatisfy(a -> {
            assertThat(a.note()).isEqualTo("not compared: 1 submission(s) of the class and 0 of earlier terms, too few to"
                + " compare");
            assertThat(a.pairs()).isEmpty();
            assertThat(a.report()).isNull();
        });
        assertThat(Files.readAllLines(r.csv())).containsExactly(
            "assignment,similarity,max_similarity,student_a,id_a,student_b,id_b,source_b,matched_tokens,files_matched");
    }
}
