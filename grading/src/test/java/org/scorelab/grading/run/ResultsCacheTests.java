package org.scorelab.grading.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results cache keeps outcomes under their inputs' key and trusts nothing it did not sign. */
class ResultsCacheTests {
    private static final PlannedTest A = new PlannedTest("dsm.ATests.check", "[engine:junit-jupiter]/[class:A]/[method:check()]",
        "dsm", "1.1", 1, false);
    private static final PlannedTest B = new PlannedTest("dsm.BTests.other", "[engine:junit-jupiter]/[class:B]/[method:other()]",
        "dsm", "3.1", 1, false);

    @TempDir
    Path dir;

    @Test
    void anOutcomeComesBackUnderItsKeyAndOnlyThere() {
        ResultsCache cache = new ResultsCache(dir.resolve("cache"));
        String key = ResultsCache.key(A, "digest", "inputs");
        TestOutcome failed = new TestOutcome(A, Status.FAILED, "Task 1.1 (mean): expected 1, found 2",
            Map.of("expected", "[1.0, 2.0]", "found", "2"), "printed", 1.5);
        cache.put(key, failed);
        assertThat(cache.get(key, A)).contains(failed);
        assertThat(cache.get(ResultsCache.key(A, "digest", "other inputs"), A)).isEmpty();
        assertThat(cache.get(key, B)).as("another test under the same key").isEmpty();
        assertThat(ResultsCache.key(A, "digest", "inputs")).isEqualTo(key).isNotEqualTo(ResultsCache.key(A, "digest2", "inputs"));
    }

    @Test
    void timeOutsCrashesAndTestsNotRunAreRunAgain() {
        ResultsCache cache = new ResultsCache(dir.resolve("cache"));
        for (Status s : List.of(Status.TIMED_OUT, Status.CRASHED, Status.NOT_RUN)) {
            String key = ResultsCache.key(A, s.name(), "inputs");
            cache.put(key, TestOutcome.of(A, s, "the machine's doing"));
            assertThat(cache.get(key, A)).as("%s", s).isEmpty();
        }
    }

    @Test
    void aTamperedACorruptedOrAForeignEntryIsIgnored() throws Exception {
        ResultsCache cache = new ResultsCache(dir.resolve("cache"));
        String key = ResultsCache.key(A, "digest", "inputs");
        cache.put(key, TestOutcome.of(A, Status.FAILED, "Task 1.1: wrong"));
        Path file = cache.file(key);
        String entry = Files.readString(file);

        Files.writeString(file, entry.replace("\"FAILED\"", "\"PASSED\""));
        assertThat(cache.get(key, A)).as("tampered").isEmpty();

        Files.writeString(file, entry.substring(0, entry.length() / 2));
        assertThat(cache.get(key, A)).as("cut short").isEmpty();

        ResultsCache other = new ResultsCache(dir.resolve("other"));
        other.put(key, new TestOutcome(A, Status.PASSED, "", Map.of(), "", 1));
        Files.copy(other.file(key), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(other.get(key, A)).isPresent();
        assertThat(cache.get(key, A)).as("signed by another cache's secret").isEmpty();

        Files.writeString(file, entry);
        assertThat(cache.get(key, A)).as("the original entry").isPresent();
        assertThat(new ResultsCache(dir.resolve("cache")).get(key, A)).as("the same folder, a new grader").isPresent();
    }

    @Test
    void aChangeToOneTestClassChangesOnlyItsTestsDigestsAndAHelperChangesAll() throws Exception {
        Path root = Files.createDirectories(dir.resolve("suites/org/scorelab/suites/dsm"));
        Files.write(root.resolve("ATests.class"), new byte[] {1});
        Files.write(root.resolve("ATests$Nested.class"), new byte[] {2});
        Files.write(root.resolve("BTests.class"), new byte[] {3});
        Files.write(root.resolve("Fixtures.class"), new byte[] {4});
        List<Path> roots = List.of(dir.resolve("suites"));
        Map<String, String> before = TestDigests.of(List.of(A, B), roots, "kit");

        Files.write(root.resolve("ATests$Nested.class"), new byte[] {5});
        Map<String, String> fixedA = TestDigests.of(List.of(A, B), roots, "kit");
        assertThat(fixedA.get(A.id())).isNotEqualTo(before.get(A.id()));
        assertThat(fixedA.get(B.id())).isEqualTo(before.get(B.id()));

        Files.write(root.resolve("Fixtures.class"), new byte[] {6});
        Map<String, String> fixedHelper = TestDigests.of(List.of(A, B), roots, "kit");
        assertThat(fixedHelper.get(A.id())).isNotEqualTo(fixedA.get(A.id()));
        assertThat(fixedHelper.get(B.id())).isNotEqualTo(fixedA.get(B.id()));
        assertThat(TestDigests.of(List.of(A, B), roots, "another kit").get(B.id())).isNotEqualTo(fixedHelper.get(B.id()));
    }
}
