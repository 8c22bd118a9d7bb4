package org.scorelab.grading.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.Grader;
import org.scorelab.grading.Uploads;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.report.SubmissionReport;
import org.scorelab.grading.run.Limits;
import org.scorelab.grading.score.ManualPoints;
import org.scorelab.grading.score.Rubric;

/**
 * Issue 16, item 1: every draw of the {@link ChoiceSpace}, made a correct submission by {@link CorrectSubmissions}
 * and graded by the real {@link Grader} (one worker, one test JVM), keeps full marks.
 *
 * <p>Which draws, set with system properties:
 * <ul>
 *   <li>{@code -Dscorelab.fairness=public} (default) or {@code hidden}: the public suites, or the public and hidden ones;</li>
 *   <li>{@code -Dscorelab.fairness.draws=N}: the plain draws and draws 0..N-1 of the seed
 *   ({@code -Dscorelab.fairness.seed}, default {@link ChoiceSpace#SEED});</li>
 *   <li>{@code -Dscorelab.fairness.regressions=all}: every regression draw of the mode
 *   ({@code grading/fairness/regressions.json}: every draw that lost points in a long run);</li>
 *   <li>{@code -Dscorelab.fairness.only=NAME,NAME}: these draws only (e.g. to regrade one that failed);</li>
 *   <li>none of these: the CI subset, the plain draw {@code plain-1} and the public regression draws marked
 *   {@code ci}, one per defect found (about 2 minutes on the public suites), then the hidden regression draws marked
 *   {@code ci}, each graded on the hidden checks it once failed (its {@code checks}).</li>
 * </ul>
 * A regression draw lists the checks it fails until their defect is fixed ({@code openDefects}): those may fail, any
 * other check may not; the table marks them "open defect". The table (draw, choices, points per task, failed checks with messages, seconds) is written to
 * {@code grading/target/fairness/draws-<mode>.md} and printed.
 */
class FairnessDrawsTests {
    private static final String MODE = System.getProperty("scorelab.fairness", "public");
    private static final Map<ChoiceSpace.Draw, SubmissionReport> REPORTS = new LinkedHashMap<>();
    /** The CI subset's hidden regression draws, each graded on the hidden checks it once failed only. */
    private static final Map<ChoiceSpace.Draw, SubmissionReport> HIDDEN_REPORTS = new LinkedHashMap<>();
    private static Regressions regressions;

    @TempDir
    static Path dir;

    @BeforeAll
    static void gradeTheDraws() throws IOException {
        if (!Set.of("public", "hidden").contains(MODE)) {
            throw new IllegalArgumentException("scorelab.fairness must be public or hidden, got " + MODE);
        }
        regressions = Regressions.read(MODE);
        Grader grader = new Grader(new Grader.Options(MODE.equals("hidden"), null, Limits.defaults(), Rubric.annotations(),
            ManualPoints.none(), 1));
        Path table = FairnessTable.file(MODE);
        for (ChoiceSpace.Draw draw : selected()) {
            Path folder = Uploads.folder(dir, draw.name(), CorrectSubmissions.sources(draw));
            REPORTS.put(draw, grader.grade(Student.fromFolderName(draw.name()), folder));
            FairnessTable.write(table, MODE, REPORTS, regressions.openDefects()); // after each draw, so a long run can be followed
            System.out.println(FairnessTable.row(draw, REPORTS.get(draw)));
        }
        System.out.print(Files.readString(table));
        if (ciSubset() && MODE.equals("public")) {
            gradeTheHiddenRegressions();
        }
    }

    /**
     * The CI subset's hidden regression draws: each is graded with the public and hidden suites, restricted to the
     * hidden checks it once failed ({@code checks} in regressions.json), so CI keeps them fixed without training all six
     * models of a draw.
     */
    private static void gradeTheHiddenRegressions() throws IOException {
        Path table = FairnessTable.file("hidden-ci");
        for (var e : regressions.hiddenCiChecks().entrySet()) {
            // The grader's include is a pattern on test classes: the classes of the checks (a check's other tests run too).
            String include = e.getValue().stream().map(id -> id.substring(0, id.lastIndexOf('.'))).distinct()
                .map(java.util.regex.Pattern::quote).collect(java.util.stream.Collectors.joining("|"));
            Grader grader = new Grader(new Grader.Options(true, include, Limits.defaults(), Rubric.annotations(), ManualPoints.none(), 1));
            ChoiceSpace.Draw draw = ChoiceSpace.named(e.getKey());
            Path folder = Uploads.folder(dir.resolve("hidden"), draw.name(), CorrectSubmissions.sources(draw));
            HIDDEN_REPORTS.put(draw, grader.grade(Student.fromFolderName(draw.name()), folder));
            FairnessTable.write(table, "hidden (CI regression checks)", HIDDEN_REPORTS, Map.of());
        }
        if (!HIDDEN_REPORTS.isEmpty()) {
            System.out.print(Files.readString(table));
        }
    }

    /** Whether this run grades the CI subset (no draws, regressions or names asked for). */
    private static boolean ciSubset() {
        return System.getProperty("scorelab.fairness.only") == null && System.getProperty("scorelab.fairness.draws") == null
            && !"all".equals(System.getProperty("scorelab.fairness.regressions"));
    }

    /** The draws this run grades. */
    static List<ChoiceSpace.Draw> selected() {
        String only = System.getProperty("scorelab.fairness.only");
        if (only != null) {
            return java.util.Arrays.stream(only.split(",")).map(String::trim).map(ChoiceSpace::named).toList();
        }
        String count = System.getProperty("scorelab.fairness.draws");
        long seed = Long.getLong("scorelab.fairness.seed", ChoiceSpace.SEED);
        Set<String> names = new LinkedHashSet<>();
        if (count != null) {
            ChoiceSpace.plain().forEach(d -> names.add(d.name()));
            ChoiceSpace.draws(seed, Integer.parseInt(count)).forEach(d -> names.add(d.name()));
        } else if ("all".equals(System.getProperty("scorelab.fairness.regressions"))) {
            names.addAll(regressions.openDefects().keySet());
        } else {
            names.add("plain-1");
            names.addAll(regressions.ci());
        }
        return names.stream().map(ChoiceSpace::named).toList();
    }

    /**
     * The regression draws a mode grades ({@code grading/fairness/regressions.json}): the public ones in both modes, the
     * hidden ones in the hidden mode.
     *
     * @param openDefects per draw, the checks (test ids, or their ends) it may fail until their defect is fixed
     * @param ci the draws of this mode that CI grades, one per defect
     * @param hiddenCiChecks the hidden regression draws CI grades, each with the test ids of the checks it is graded on
     */
    record Regressions(Map<String, Set<String>> openDefects, Set<String> ci, Map<String, Set<String>> hiddenCiChecks) {
        static Regressions read(String mode) throws IOException {
            Map<String, Set<String>> open = new LinkedHashMap<>();
            Set<String> ci = new LinkedHashSet<>();
            Map<String, Set<String>> hiddenCi = new LinkedHashMap<>();
            JsonNode root = new ObjectMapper().readTree(Uploads.repository().resolve("grading/fairness/regressions.json").toFile());
            for (JsonNode r : root.get("draws")) {
                String draw = r.get("draw").asText();
                if (mode.equals("hidden") || r.get("mode").asText().equals("public")) {
                    r.path("openDefects").forEach(c -> open.computeIfAbsent(draw, k -> new TreeSet<>()).add(c.asText()));
                    open.computeIfAbsent(draw, k -> new TreeSet<>());
                }
                if (r.path("ci").asBoolean() && r.get("mode").asText().equals(mode)) {
                    ci.add(draw);
                }
                if (r.path("ci").asBoolean() && r.get("mode").asText().equals("hidden")) {
                    r.path("checks").forEach(c -> hiddenCi.computeIfAbsent(draw, k -> new TreeSet<>()).add(c.asText()));
                }
            }
            return new Regressions(open, ci, hiddenCi);
        }
    }

    @Test
    void everyDrawCompilesAsWrittenAndIsGraded() {
        for (var e : allReports().entrySet()) {
            assertThat(e.getValue().status()).as(e.getKey().name()).isEqualTo("graded");
            assertThat(e.getValue().problems()).as(e.getKey().name() + ": generated files set aside").isEmpty();
        }
    }

    @Test
    void everyDrawKeepsFullMarks() {
        List<String> lost = new ArrayList<>();
        for (var e : allReports().entrySet()) {
            Set<String> allowed = regressions.openDefects().getOrDefault(e.getKey().name(), Set.of());
            e.getValue().tests().stream().filter(t -> !t.status().equals("PASSED"))
                .filter(t -> allowed.stream().noneMatch(t.id()::endsWith))
                .forEach(t -> lost.add(e.getKey().name() + " " + t.id() + " " + t.status() + ": " + FairnessTable.brief(t.message())));
        }
        assertThat(lost).as("checks failed by correct submissions (see target/fairness/draws-" + MODE + ".md)").isEmpty();
    }

    /** The reports of this run, the hidden regression draws' under their name plus " (hidden)". */
    private static Map<ChoiceSpace.Draw, SubmissionReport> allReports() {
        Map<ChoiceSpace.Draw, SubmissionReport> all = new LinkedHashMap<>(REPORTS);
        HIDDEN_REPORTS.forEach((d, r) -> all.put(new ChoiceSpace.Draw(d.name() + " (hidden)", d.dsm(), d.ebm()), r));
        return all;
    }
}
