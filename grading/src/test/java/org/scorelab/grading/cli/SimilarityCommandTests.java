package org.scorelab.grading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --similarity on the commands that write a class's files: merge (the Slurm merge job), class and slurm. */
class SimilarityCommandTests {
    @TempDir
    Path dir;

    /** Three students of the similarity corpus: Fiona copied Alice, Bruno wrote his own. */
    private Path smallClass() throws Exception {
        Path corpus = Path.of(getClass().getResource("/similarity/class").toURI());
        Path folder = Files.createDirectories(dir.resolve("class"));
        for (String s : new String[] {"Alice Archer_200001_assignsubmission_file_", "Bruno Brandt_200002_assignsubmission_file_",
            "Fiona Frost_200006_assignsubmission_file_"}) {
            Files.createDirectories(folder.resolve(s));
            try (Stream<Path> files = Files.list(corpus.resolve(s))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, folder.resolve(s).resolve(f.getFileName()));
                }
            }
        }
        return folder;
    }

    /** Runs the command line and returns what it printed; {@code code[0]} gets its exit code. */
    private static String run(int[] code, String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            code[0] = Main.run(args);
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void mergeWithSimilarityWritesTheCsvAndTheReportsAndNamesTheFlaggedPairs() throws Exception {
        Path out = dir.resolve("out");
        int[] code = new int[1];
        String printed = run(code, "merge", smallClass().toString(), "--out", out.toString(), "--public-only", "--similarity");
        assertThat(code[0]).as("1: no submission has a report, merge lists them as not graded").isEqualTo(1);
        assertThat(printed).contains("Similarity check (JPlag 4.3.0, the template's code left out): for the instructor's"
            + " review, it changes no grade. Pairs at or above 0.55")
            .contains("Alice Archer (200001) ~ Fiona Frost (200006): AnalyticScores.java (").contains("GaussianMixture.java (")
            .doesNotContain("Bruno Brandt (200002) ~");
        assertThat(Files.readAllLines(out.resolve("similarity.csv"))).hasSize(3);
        assertThat(out.resolve("similarity-dsm.zip")).isRegularFile();
        assertThat(out.resolve("similarity-ebm.zip")).isRegularFile();
        assertThat(out.resolve("not-graded.csv")).as("the class's files are written too").isRegularFile();
    }

    @Test
    void aMissingArchiveStopsTheClassCommandBeforeAnyGrading() throws Exception {
        Path out = dir.resolve("out");
        Path missing = dir.resolve("2023");
        String folder = smallClass().toString();
        assertThat(Main.run("class", folder, "--out", out.toString(), "--public-only", "--similarity",
            "--similarity-archive", missing.toString())).isEqualTo(2);
        assertThat(out).doesNotExist();
        Path archive = Files.createDirectories(dir.resolve("2024"));
        assertThat(Main.run("merge", folder, "--out", out.toString(), "--similarity-archive", archive.toString()))
            .as("an archive without --similarity").isEqualTo(2);
        assertThat(Main.run("merge", folder, "--out", out.toString(), "--similarity", "--similarity-archive", folder))
            .as("the class as its own archive").isEqualTo(2);
        assertThat(Main.run("merge", folder, "--out", out.toString(), "--similarity", "--similarity-threshold", "1.5"))
            .isEqualTo(2);
        assertThat(out.resolve("similarity.csv")).doesNotExist();
    }

    @Test
    void slurmPassesTheSimilarityOptionsOnToTheMergeJob() throws Exception {
        Path out = dir.resolve("out");
        Path archive = Files.createDirectories(dir.resolve("2024"));
        assertThat(Main.run("slurm", smallClass().toString(), "--out", out.toString(), "--shards", "2", "--public-only",
            "--similarity", "--similarity-threshold", "0.6", "--similarity-archive", archive.toString())).isZero();
        assertThat(Files.readString(out.resolve("slurm/merge.sbatch"))).contains(" '--similarity' '--similarity-threshold'"
            + " '0.6' '--similarity-archive' '" + archive.toAbsolutePath().normalize() + "'");
        assertThat(Files.readString(out.resolve("slurm/grade.sbatch"))).doesNotContain("--similarity");
    }
}
