package org.scorelab.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.compile.FileOutcome;
import org.scorelab.grading.report.SubmissionReport;
import org.scorelab.grading.report.SubmissionReport.TestResult;
import org.scorelab.grading.run.Limits;
import org.scorelab.grading.score.ManualPoints;
import org.scorelab.grading.score.Rubric;
import org.scorelab.grading.score.TaskScore;

/**
 * The misconceptions corpus ({@code grading/misconceptions/cases.json}, issue 7 items 2 and 4): realistic wrong
 * submissions, each the reference with one student mistake, and correct submissions written differently. Each is
 * built from the reference's sources with its edits, graded by the real {@link Grader} on its assignment's suites, and
 * must score as its entry says: a mistake loses points in every task of {@code mustLose} (with a message naming that
 * task), may lose them in {@code mayLose}, and keeps full points in every other task of its assignment; an
 * alternative keeps full marks; a case's {@code firstMessage} must occur in the first failing check of each of its
 * {@code mustLose} tasks. A case with a {@code gap} records a mistake the suites do not catch where they should:
 * its {@code mustLose} tasks may keep their points and the tasks of {@code gapLoses} may lose them instead, so the
 * corpus stays green while the gap is open and the matrix says "gap".
 *
 * <p>Which cases run, set with {@code -Dscorelab.corpus=...}:
 * <ul>
 *   <li>{@code public} (the default, CI): the cases the public suites must catch and the alternatives, public suites
 *   only, with the reference's own files as a control;</li>
 *   <li>{@code hidden}: the cases only the hidden suites can catch and the alternatives, public and hidden suites
 *   (each hidden submission trains its models: about 25 minutes on the 2-core course machine);</li>
 *   <li>{@code all}: every case, public and hidden suites.</li>
 * </ul>
 * {@code -Dscorelab.corpus.only=REGEX} grades only the cases whose id matches. The detection matrix is written to {@code target/misconceptions/matrix-<mode>.md} and printed.
 */
class MisconceptionCorpusTests {
    private static final String MODE = System.getProperty("scorelab.corpus", "public");
    /** A regular expression on case ids: grade only those (e.g. {@code -Dscorelab.corpus.only='dsm-langevin-.*'}). */
    private static final String ONLY = System.getProperty("scorelab.corpus.only", ".*");
    private static final String CONTROL = "reference";
    private static final Map<String, SubmissionReport> REPORTS = new TreeMap<>();
    private static final Map<String, Double> SECONDS = new LinkedHashMap<>();
    private static List<JsonNode> cases;

    @TempDir
    static Path dir;

    @BeforeAll
    static void gradeTheCorpus() throws Exception {
        if (!Set.of("public", "hidden", "all").contains(MODE)) {
            throw new IllegalArgumentException("scorelab.corpus must be public, hidden or all, got " + MODE);
        }
        cases = cases();
        boolean hidden = !MODE.equals("public");
        Map<String, Path> classes = new TreeMap<>();
        for (JsonNode c : selected()) {
            Path folder = classes.computeIfAbsent(c.get("assignment").asText(), a -> dir.resolve("class-" + a));
            writeSubmission(folder.resolve(c.get("id").asText()), sources(c));
        }
        if (!hidden) {
            classes.values().forEach(folder -> writeSubmission(folder.resolve(CONTROL), referenceSources()));
        }
        for (var e : classes.entrySet()) {
            Grader grader = new Grader(new Grader.Options(hidden, e.getKey() + "\\..*", Limits.defaults(), Rubric.annotations(),
                ManualPoints.none(), 1));
            Path out = dir.resolve("out-" + e.getKey());
            long start = System.nanoTime();
            List<ClassGrader.Done> done = new ClassGrader(grader, 2).grade(ClassGrader.submissions(e.getValue(), out), out, false,
                s -> { }, d -> { });
            SECONDS.put(e.getKey(), (System.nanoTime() - start) / 1e9);
            done.forEach(d -> REPORTS.put(e.getKey() + "/" + d.student().id(), d.report()));
        }
        writeMatrix();
    }

    /** The repository's root (see {@link Uploads#repository()}). */
    static Path repository() {
        return Uploads.repository();
    }

    /** Every case of the corpus, in its file's order. */
    static List<JsonNode> cases() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        new ObjectMapper().readTree(repository().resolve("grading/misconceptions/cases.json").toFile()).get("cases").forEach(all::add);
        return all;
    }

    /** Where the corpus's tables are written: {@code grading/target/misconceptions}. */
    static Path output() throws IOException {
        return Files.createDirectories(repository().resolve("grading/target/misconceptions"));
    }

    /** The cases this mode grades. */
    private static List<JsonNode> selected() {
        return cases.stream().filter(c -> c.get("id").asText().matches(ONLY)).filter(c -> switch (c.get("suites").asText()) {
            case "public" -> !MODE.equals("hidden");
            case "hidden" -> !MODE.equals("public");
            default -> true;
        }).toList();
    }

    private static Map<String, String> referenceSources() {
        return Uploads.referenceSources();
    }

    /** The reference's files with the case's edits applied in order; each edit's text must occur exactly once. */
    static Map<String, String> sources(JsonNode c) {
        Map<String, String> files = referenceSources();
        for (JsonNode edit : c.get("edits")) {
            String file = edit.get("file").asText();
            String text = files.get(file);
            String find = edit.get("find").asText();
            if (text == null) {
                throw new IllegalStateException(c.get("id").asText() + ": no file " + file + " in the reference");
            }
            int at = text.indexOf(find);
            if (at < 0 || text.indexOf(find, at + 1) >= 0) {
                throw new IllegalStateException(c.get("id").asText() + ": the text to replace must occur exactly once in " + file
                    + ", found " + (at < 0 ? "none" : "several") + " (the reference changed?): " + find);
            }
            files.put(file, text.substring(0, at) + edit.get("replace").asText() + text.substring(at + find.length()));
        }
        return files;
    }

    private static void writeSubmission(Path folder, Map<String, String> files) {
        Uploads.folder(folder.getParent(), folder.getFileName().toString(), files);
    }

    @Test
    void everyCaseEditAppliesToTheCurrentReference() {
        for (JsonNode c : cases) {
            Map<String, String> edited = sources(c);
            assertThat(edited).as(c.get("id").asText()).isNotEqualTo(referenceSources());
            assertThat(c.get("kind").asText()).as(c.get("id").asText()).isIn("mistake", "alternative");
            assertThat(c.get("mustLose").isEmpty()).as(c.get("id").asText()).isEqualTo(c.get("kind").asText().equals("alternative"));
        }
        assertThat(cases.stream().filter(c -> c.get("kind").asText().equals("mistake")).count()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void everyCaseScoresAsItsEntrySays() {
        List<String> wrong = new ArrayList<>();
        for (JsonNode c : selected()) {
            String why = verdict(c);
            if (why != null) {
                wrong.add(c.get("id").asText() + ": " + why);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theReferenceGradedInTheSameBatchKeepsFullMarks() {
        assumeTrue(MODE.equals("public"), "the reference is graded as a control in the public mode only");
        REPORTS.entrySet().stream().filter(e -> e.getKey().endsWith("/" + CONTROL)).forEach(e -> {
            assertThat(e.getValue().status()).as(e.getKey()).isEqualTo("graded");
            assertThat(e.getValue().tests()).as(e.getKey()).allMatch(t -> t.status().equals("PASSED"));
        });
    }

    /** The tasks of the case's assignment that lost points. */
    private static Set<String> lost(SubmissionReport r, String assignment) {
        Set<String> tasks = new TreeSet<>();
        for (TaskScore t : r.tasks()) {
            if (t.assignment().equals(assignment) && t.earned() < t.max() - 1e-9) {
                tasks.add(t.task());
            }
        }
        return tasks;
    }

    /** Null when the case scored as its entry says, else what went wrong. */
    private static String verdict(JsonNode c) {
        String assignment = c.get("assignment").asText();
        SubmissionReport r = REPORTS.get(assignment + "/" + c.get("id").asText());
        if (r == null || !"graded".equals(r.status())) {
            return "not graded: " + (r == null ? "no report" : r.uploadNotes());
        }
        List<String> edited = new ArrayList<>();
        c.get("edits").forEach(e -> edited.add(e.get("file").asText()));
        for (FileOutcome f : r.files()) {
            if (edited.contains(f.path()) && f.source() != FileOutcome.Source.SUBMITTED) {
                return f.path() + " was set aside (" + f.source() + "): " + f.message();
            }
        }
        Set<String> must = strings(c.get("mustLose"));
        Set<String> may = strings(c.path("mayLose"));
        Set<String> lost = lost(r, assignment);
        List<String> problems = new ArrayList<>();
        boolean knownGap = c.has("gap");
        for (String task : must) {
            if (!lost.contains(task)) {
                if (!knownGap) {
                    problems.add("task " + task + " kept full points");
                }
                continue;
            }
            TestResult first = firstFailure(r, task);
            // A failed check names its task; an exception thrown by the student's code (ERROR) is shown with its trace.
            if (first.status().equals("FAILED") && !first.message().contains("Task " + task)) {
                problems.add("task " + task + " lost points with a message that does not name it: " + brief(first.message()));
            }
            String named = firstMessage(c, task);
            if (named != null && !first.message().contains(named)) {
                problems.add("task " + task + "'s first failure does not name the mistake (\"" + named + "\"): " + brief(first.message()));
            }
        }
        for (String task : lost) {
            if (!must.contains(task) && !may.contains(task) && !strings(c.path("gapLoses")).contains(task)) {
                problems.add("task " + task + " lost points: " + brief(firstFailure(r, task).message()));
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /**
     * The text the first failing check of {@code task} must contain, if the case says (issue 16: the first message a
     * student reads names the actual mistake): "firstMessage" is a text for every mustLose task, or an object by task.
     */
    private static String firstMessage(JsonNode c, String task) {
        JsonNode f = c.path("firstMessage");
        if (f.isTextual()) {
            return f.asText();
        }
        return f.has(task) ? f.get(task).asText() : null;
    }

    /** Whether a case with a recorded gap still keeps points in one of its mustLose tasks. */
    private static boolean gapOpen(JsonNode c, SubmissionReport r) {
        return c.has("gap") && r != null && !lost(r, c.get("assignment").asText()).containsAll(strings(c.get("mustLose")));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static TestResult firstFailure(SubmissionReport r, String task) {
        return r.tests().stream().filter(t -> t.task().equals(task) && !t.status().equals("PASSED")).findFirst().orElseThrow();
    }

    private static String brief(String message) {
        String m = message.replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return m.length() <= 160 ? m : m.substring(0, 157) + "...";
    }

    /** One Markdown row per case: what must lose, what lost, the verdict, the first failing check's message. */
    private static void writeMatrix() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Mode %s: %d case(s) graded; %s%n%n", MODE, selected().size(),
            String.join(", ", SECONDS.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f s", e.getKey(), e.getValue())).toList())));
        md.append("| case | suites | must lose | lost (points) | ok | s | first failing check |\n|---|---|---|---|---|---|---|\n");
        for (JsonNode c : selected()) {
            String assignment = c.get("assignment").asText();
            SubmissionReport r = REPORTS.get(assignment + "/" + c.get("id").asText());
            String lost = "";
            String first = "";
            double seconds = r == null ? 0 : r.timings().getOrDefault("total", 0.0);
            if (r != null) {
                List<String> parts = new ArrayList<>();
                for (TaskScore t : r.tasks()) {
                    if (t.assignment().equals(assignment) && t.earned() < t.max() - 1e-9) {
                        parts.add(String.format(Locale.ROOT, "%s (%.2f/%.2f)", t.task(), t.earned(), t.max()));
                    }
                }
                lost = parts.isEmpty() ? "none" : String.join(", ", parts);
                first = r.tests().stream().filter(t -> !t.status().equals("PASSED")).findFirst()
                    .map(t -> brief(t.message()).replace("|", "\\|")).orElse("");
            }
            String must = c.get("mustLose").isEmpty() ? "none (alternative)" : String.join(", ", strings(c.get("mustLose")))
                + (c.has("mayLose") ? " (may: " + String.join(", ", strings(c.get("mayLose"))) + ")" : "");
            md.append(String.format(Locale.ROOT, "| %s %s | %s | %s | %s | %s | %.0f | %s |%n", assignment, c.get("id").asText(),
                c.get("suites").asText(), must, lost, verdict(c) != null ? "NO" : gapOpen(c, r) ? "gap" : "yes", seconds, first));
        }
        Files.writeString(output().resolve("matrix-" + MODE + ".md"), md);
        System.out.print(md);
    }
}
