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
 *   ({@code -Dscorelab.fairness.seed}, default {@link ChoiceSpace#SEED}); without it, the CI subset: the plain draw
 *   {@code plain-1}, draws {@code s16-0} and {@code s16-1}, and the regression draws of the mode
 *   ({@code grading/fairness/regressions.json}), about 2.5 minutes on the public suites;</li>
 *   <li>{@code -Dscorelab.fairness.only=NAME,NAME}: these draws only (e.g. to regrade one that failed).</li>
 * </ul>
 * A regression draw lists the checks it fails until their defect is fixed ({@code openDefects}): those may fail, any
 * other check may not. The table (draw, choices, points per task, failed checks with messages, seconds) is written to
 * {@code grading/target/fairness/draws-<mode>.md} and printed.
 */
class FairnessDrawsTests {
    private static final String MODE = System.getProperty("scorelab.fairness", "public");
    private static final Map<ChoiceSpace.Draw, SubmissionReport> REPORTS = new LinkedHashMap<>();
    private static Map<String, Set<String>> openDefects;

    @TempDir
    static Path dir;

    @BeforeAll
    static void gradeTheDraws() throws IOException {
        if (!Set.of("public", "hidden").contains(MODE)) {
            throw new IllegalArgumentException("scorelab.fairness must be public or hidden, got " + MODE);
        }
        openDefects = openDefects(MODE);
        Grader grader = new Grader(new Grader.Options(MODE.equals("hidden"), null, Limits.defaults(), Rubric.annotations(),
            ManualPoints.none(), 1));
        Path table = FairnessTable.file(MODE);
        for (ChoiceSpace.Draw draw : selected()) {
            Path folder = Uploads.folder(dir, draw.name(), CorrectSubmissions.sources(draw));
            REPORTS.put(draw, grader.grade(Student.fromFolderName(draw.name()), folder));
            FairnessTable.write(table, MODE, REPORTS, openDefects); // after each draw, so a long run can be followed
            System.out.println(FairnessTable.row(draw, REPORTS.get(draw)));
        }
        System.out.print(Files.readString(table));
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
        } else {
            names.addAll(List.of("plain-1", "s16-0", "s16-1"));
            names.addAll(openDefects.keySet());
        }
        return names.stream().map(ChoiceSpace::named).toList();
    }

    /** The regression draws of {@code mode}, each with the checks it may fail until their defect is fixed. */
    static Map<String, Set<String>> openDefects(String mode) throws IOException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        JsonNode root = new ObjectMapper().readTree(Uploads.repository().resolve("grading/fairness/regressions.json").toFile());
        for (JsonNode r : root.get("draws")) {
            if (mode.equals("hidden") || r.get("mode").asText().equals("public")) {
                Set<String> checks = new TreeSet<>();
                r.path("openDefects").forEach(c -> checks.add(c.asText()));
                out.merge(r.get("draw").asText(), checks, (a, b) -> {
                    a.addAll(b);
                    return a;
                });
            }
        }
        return out;
    }

    @Test
    void everyDrawCompilesAsWrittenAndIsGraded() {
        for (var e : REPORTS.entrySet()) {
            assertThat(e.getValue().status()).as(e.getKey().name()).isEqualTo("graded");
            assertThat(e.getValue().problems()).as(e.getKey().name() + ": generated files set aside").isEmpty();
        }
    }

    @Test
    void everyDrawKeepsFullMarks() {
        List<String> lost = new ArrayList<>();
        for (var e : REPORTS.entrySet()) {
            Set<String> allowed = openDefects.getOrDefault(e.getKey().name(), Set.of());
            e.getValue().tests().stream().filter(t -> !t.status().equals("PASSED"))
                .filter(t -> allowed.stream().noneMatch(t.id()::endsWith))
                .forEach(t -> lost.add(e.getKey().name() + " " + t.id() + " " + t.status() + ": " + FairnessTable.brief(t.message())));
        }
        assertThat(lost).as("checks failed by correct submissions (see target/fairness/draws-" + MODE + ".md)").isEmpty();
    }
}
