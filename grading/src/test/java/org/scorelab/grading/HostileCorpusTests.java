package org.scorelab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.compile.FileOutcome;
import org.scorelab.grading.report.SubmissionReport;
import org.scorelab.grading.report.SubmissionReport.TestResult;
import org.scorelab.grading.run.Limits;
import org.scorelab.grading.score.ManualPoints;
import org.scorelab.grading.score.Rubric;

/**
 * The hostile corpus ({@code grading/hostile/cases.json}): every case and the reference's files graded in one batch,
 * with Task 1.1's and Task 3.1's public checks. A case is the reference's files with a hostile GaussianMixture.java
 * (Task 1.1): Task 3.1's checks, in another file, must still pass. Each case must be contained as its entry says (refused by the static check, not
 * compiled, set aside by the intake, or run and stopped by the test JVM's limits), and the reference must keep full
 * marks.
 */
class HostileCorpusTests {
    private static final String MIXTURE = Uploads.MIXTURE;
    private static final Limits LIMITS = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(150), 256, 4096, 1, 6);
    /** Task 3.1's checks, in NoiseSchedule.java: a hostile GaussianMixture.java must not cost them. */
    private static final String UNAFFECTED = "dsm.NoiseLevelTests.";
    private static final Map<String, SubmissionReport> REPORTS = new TreeMap<>();
    private static JsonNode cases;
    private static double seconds;

    @TempDir
    static Path dir;

    @BeforeAll
    static void gradeTheCorpus() throws Exception {
        cases = new ObjectMapper().readTree(corpus().toFile()).get("cases");
        Path classFolder = Files.createDirectories(dir.resolve("class"));
        Path ada = Uploads.example("Ada Lovelace");
        for (JsonNode c : cases) {
            String source = Uploads.TEMPLATE.source(MIXTURE);
            String replace = c.get("replace").asText();
            if (!replace.isEmpty()) {
                assertThat(source).as(c.get("id").asText()).contains(replace);
                source = c.path("replaceAll").asBoolean() ? source.replace(replace, c.get("with").asText())
                    : source.replaceFirst(java.util.regex.Pattern.quote(replace),
                        java.util.regex.Matcher.quoteReplacement(c.get("with").asText()));
            }
            Map<String, String> files = new TreeMap<>();
            try (var reference = Files.list(ada)) {
                for (Path f : (Iterable<Path>) reference::iterator) {
                    files.put(f.getFileName().toString(), Files.readString(f));
                }
            }
            files.put("GaussianMixture.java", source);
            c.path("extraFiles").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
            Uploads.folder(classFolder, c.get("id").asText(), files);
        }
        Uploads.copy(ada, classFolder.resolve(ada.getFileName()));
        Grader grader = new Grader(new Grader.Options(false, "dsm\\.(MixtureSamplingTests|NoiseLevelTests)", LIMITS, Rubric.annotations(),
            ManualPoints.none(), 1));
        long start = System.nanoTime();
        List<ClassGrader.Done> done = new ClassGrader(grader, 2).grade(ClassGrader.submissions(classFolder, dir.resolve("out")),
            dir.resolve("out"), false, s -> { }, d -> { });
        seconds = (System.nanoTime() - start) / 1e9;
        done.forEach(d -> REPORTS.put(d.student().id(), d.report()));
    }

    static Path corpus() {
        Path p = Path.of("hostile/cases.json");
        return Files.exists(p) ? p : Path.of("grading/hostile/cases.json");
    }

    @Test
    void everyHostileCaseIsContainedAsItsEntrySays() {
        List<String> uncontained = new ArrayList<>();
        for (JsonNode c : cases) {
            String id = c.get("id").asText();
            SubmissionReport r = REPORTS.get(id);
            String why = contained(c, r);
            if (why != null) {
                uncontained.add(id + ": " + why);
            }
        }
        System.out.printf(Locale.ROOT, "hostile corpus: %d cases, %d contained, graded with the reference in %.0f s%n",
            cases.size(), cases.size() - uncontained.size(), seconds);
        assertThat(uncontained).isEmpty();
    }

    @Test
    void theReferenceGradedInTheSameBatchKeepsFullMarks() {
        SubmissionReport ada = REPORTS.get("100001");
        assertThat(ada.status()).isEqualTo("graded");
        assertThat(ada.tests()).hasSize(9).allMatch(t -> t.status().equals("PASSED"));
        assertThat(ada.runNotes()).isEmpty();
    }

    /** Null when the case was contained as expected, else what went wrong. */
    private static String contained(JsonNode c, SubmissionReport r) {
        if (r == null || !"graded".equals(r.status())) {
            return "not graded: " + (r == null ? "no report" : r.uploadNotes());
        }
        if (r.tests().stream().anyMatch(t -> !t.id().startsWith(UNAFFECTED) && t.status().equals("PASSED"))) {
            return "a check of the hostile file passed";
        }
        if (r.tests().stream().anyMatch(t -> t.id().startsWith(UNAFFECTED) && !t.status().equals("PASSED"))) {
            return "it cost a check of another file: " + r.tests().stream().filter(t -> t.id().startsWith(UNAFFECTED))
                .map(HostileCorpusTests::brief).toList();
        }
        String contains = c.get("contains").asText();
        FileOutcome mixture = r.files().stream().filter(f -> f.path().equals(MIXTURE)).findFirst().orElseThrow();
        switch (c.get("expect").asText()) {
            case "refused" -> {
                if (mixture.source() != FileOutcome.Source.REFUSED || !mixture.message().contains(contains)) {
                    return "expected a refusal containing \"" + contains + "\", found " + mixture;
                }
            }
            case "did-not-compile" -> {
                if (mixture.source() != FileOutcome.Source.DID_NOT_COMPILE || !mixture.message().contains(contains)) {
                    return "expected a compile error containing \"" + contains + "\", found " + mixture;
                }
            }
            case "ignored" -> {
                if (r.uploadNotes().stream().noneMatch(n -> n.contains(contains))) {
                    return "expected a note containing \"" + contains + "\", found " + r.uploadNotes();
                }
            }
            case "contained" -> {
                String status = c.get("status").asText();
                boolean seen = r.tests().stream().filter(t -> t.status().equals(status))
                    .anyMatch(t -> (t.message() + t.output()).contains(contains));
                if (mixture.source() != FileOutcome.Source.SUBMITTED || !seen) {
                    return "expected a check " + status + " with \"" + contains + "\", found " + mixture.source() + " "
                        + r.tests().stream().map(HostileCorpusTests::brief).toList();
                }
            }
            default -> {
                return "unknown expectation " + c.get("expect");
            }
        }
        return null;
    }

    private static String brief(TestResult t) {
        String m = (t.message() + " " + t.output()).replace('\n', ' ');
        return t.status() + " " + m.substring(0, Math.min(160, m.length()));
    }
}
