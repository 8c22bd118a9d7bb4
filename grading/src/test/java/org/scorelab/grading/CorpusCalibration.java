package org.scorelab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.scorelab.grading.run.ClassPaths;
import org.scorelab.grading.run.SuitePlan;

/**
 * Issue 7, item 3: the statistical checks' false-failure rate on correct implementations and their detection rate on
 * each mistake of the corpus. For the reference and every case of {@code grading/misconceptions/cases.json}, builds the
 * case's classes (the reference's task files with the case's edits, compiled against the reference's classes) and runs
 * its assignment's statistical checks in a child JVM ({@code org.scorelab.suites.support.CalibrationRuns}, in the
 * reference's test classes) with those classes first on the class path, each check under many fresh seeds. Writes
 * {@code grading/target/misconceptions/calibration.md}: one row per case, one column per check, failures/runs.
 *
 * <p>Run after {@code mvn -B -q install -DskipTests} (which builds the reference's test classes):
 * {@code mvn -B -q -pl grading exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.scorelab.grading.CorpusCalibration
 * -Dexec.args="MISTAKE_RUNS MISTAKE_LONG_RUNS CORRECT_RUNS CORRECT_LONG_RUNS [REGEX]"}: runs of each check for a
 * mistake (of the long dsm sampler check: MISTAKE_LONG_RUNS), the same for the reference and the alternatives, and which
 * case ids to run (a regular expression; all by default).
 *
 * <p>Written as a harness rather than a CI test: the figures in docs/calibration.md took 20 minutes. CI runs one
 * mistake and the reference through it ({@code CorpusCalibrationTests}).
 */
public final class CorpusCalibration {
    private static final String CONTROL = "reference";
    /** A case whose checks do not finish in this time is recorded as a timeout (a sampler that never ends). */
    private static final long CASE_TIMEOUT_MINUTES = 30;

    private CorpusCalibration() {
    }

    /** One case's outcome: per check, failures of runs, or the reason it could not run. */
    record Outcome(JsonNode entry, Map<String, int[]> tallies, double seconds, String error) {
    }

    public static void main(String[] args) throws Exception {
        int mistakeRuns = Integer.parseInt(args[0]);
        int mistakeLongRuns = Integer.parseInt(args[1]);
        int correctRuns = Integer.parseInt(args[2]);
        int correctLongRuns = Integer.parseInt(args[3]);
        String only = args.length > 4 ? args[4] : ".*";
        Path reference = reference();
        List<JsonNode> cases = new ArrayList<>(List.of(control("dsm"), control("ebm")));
        MisconceptionCorpusTests.cases().stream().filter(c -> c.get("id").asText().matches(only)).forEach(cases::add);
        // the correct cases first: they run longest, and two workers finish sooner when the longest start first
        cases.sort(java.util.Comparator.comparing(c -> c.get("kind").asText().equals("mistake")));
        Path work = Files.createTempDirectory("scorelab-calibration");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (JsonNode c : cases) {
            boolean mistake = c.get("kind").asText().equals("mistake");
            int runs = mistake ? mistakeRuns : correctRuns;
            int longRuns = mistake ? mistakeLongRuns : correctLongRuns;
            futures.add(pool.submit(() -> calibrate(c, reference, work, runs, longRuns)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            Outcome o = f.get();
            System.err.printf(Locale.ROOT, "%s %s: %.0f s%s%n", o.entry().get("assignment").asText(), o.entry().get("id").asText(),
                o.seconds(), o.error() == null ? "" : " (" + o.error() + ")");
            outcomes.add(o);
        }
        pool.shutdown();
        String md = String.format(Locale.ROOT, "Runs per check: %d for a mistake (%d of the long dsm sampler check), %d for the "
            + "reference and the alternatives (%d of the long check); seeds 1,000,003 k, k = 1..runs.%n", mistakeRuns, mistakeLongRuns,
            correctRuns, correctLongRuns) + matrix(outcomes);
        Files.writeString(MisconceptionCorpusTests.output().resolve("calibration.md"), md);
        System.out.print(md);
    }

    /** The reference itself, as a correct case with no edits: the control of one assignment. */
    static JsonNode control(String assignment) {
        ObjectMapper json = new ObjectMapper();
        return json.createObjectNode().put("id", CONTROL).put("assignment", assignment).put("kind", "alternative")
            .set("edits", json.createArrayNode());
    }

    static Path reference() {
        Path root = MisconceptionCorpusTests.repository().resolve("reference/target");
        if (!Files.isDirectory(root.resolve("test-classes/org/scorelab/suites/support"))) {
            throw new IllegalStateException("build the reference's test classes first: mvn -B -q install -DskipTests");
        }
        return root.toAbsolutePath().normalize();
    }

    static Outcome calibrate(JsonNode c, Path reference, Path work, int runs, int longRuns) {
        String assignment = c.get("assignment").asText();
        Path dir = work.resolve(assignment + "-" + c.get("id").asText());
        long start = System.nanoTime();
        Map<String, int[]> tallies = new LinkedHashMap<>();
        try {
            Path classes = compile(c, reference, dir);
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
                String.join(File.pathSeparator, classes.toString(), reference.resolve("test-classes").toString(),
                    reference.resolve("classes").toString(), ClassPaths.compiler(), SuitePlan.publicRoot().toString()),
                "org.scorelab.suites.support.CalibrationRuns", assignment, Integer.toString(runs), Integer.toString(longRuns));
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile());
            pb.environment().put("OMP_NUM_THREADS", "1");
            Process p = pb.start();
            boolean finished = p.waitFor(CASE_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                p.destroyForcibly();
            }
            for (String line : Files.readAllLines(dir.resolve("stdout.txt"), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length == 6 && f[0].equals("CALIBRATION")) {
                    tallies.put(f[1], new int[] {Integer.parseInt(f[3]), Integer.parseInt(f[2])});
                }
            }
            String error = !finished ? "timed out after " + CASE_TIMEOUT_MINUTES + " min"
                : p.exitValue() != 0 ? "the checks' JVM exited with " + p.exitValue() + ", see " + dir.resolve("stderr.txt") : null;
            return new Outcome(c, tallies, (System.nanoTime() - start) / 1e9, error);
        } catch (IOException | InterruptedException | RuntimeException e) {
            return new Outcome(c, tallies, (System.nanoTime() - start) / 1e9, e.toString());
        }
    }

    /** The case's edited task files, compiled against the reference's classes (which supply everything else). */
    private static Path compile(JsonNode c, Path reference, Path dir) throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        Set<String> edited = new TreeSet<>();
        c.get("edits").forEach(e -> edited.add(e.get("file").asText()));
        if (edited.isEmpty()) {
            return classes;
        }
        Map<String, String> sources = MisconceptionCorpusTests.sources(c);
        List<String> options = new ArrayList<>(List.of("-classpath", reference.resolve("classes") + File.pathSeparator
            + ClassPaths.compiler(), "-d", classes.toString(), "-encoding", "UTF-8", "-nowarn"));
        for (String file : edited) {
            Path source = dir.resolve("src").resolve(file);
            Files.createDirectories(source.getParent());
            Files.writeString(source, sources.get(file));
            options.add(source.toString());
        }
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, options.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("does not compile (javac exit " + status + ")");
        }
        return classes;
    }

    /** One table per assignment: a row per case, a column per check, failures/runs; checks of a must-lose task in bold. */
    private static String matrix(List<Outcome> outcomes) {
        StringBuilder md = new StringBuilder();
        for (String assignment : List.of("dsm", "ebm")) {
            List<Outcome> rows = outcomes.stream().filter(o -> o.entry().get("assignment").asText().equals(assignment)).toList();
            Set<String> checks = new java.util.LinkedHashSet<>();
            rows.forEach(o -> checks.addAll(o.tallies().keySet()));
            if (rows.isEmpty()) {
                continue;
            }
            md.append("\n### ").append(assignment).append("\n\n| case | must lose | ");
            checks.forEach(k -> md.append(k).append(" | "));
            md.append("verdict | s |\n|---|---|").append("---|".repeat(checks.size())).append("---|---|\n");
            for (Outcome o : rows) {
                Set<String> must = new TreeSet<>();
                o.entry().path("mustLose").forEach(n -> must.add(n.asText()));
                Set<String> may = new TreeSet<>(must);
                o.entry().path("mayLose").forEach(n -> may.add(n.asText()));
                md.append("| ").append(o.entry().get("id").asText()).append(" | ")
                    .append(must.isEmpty() ? "none" : String.join(", ", must)).append(" | ");
                List<String> verdicts = new ArrayList<>();
                for (String k : checks) {
                    int[] t = o.tallies().get(k);
                    String task = k.substring(0, k.indexOf(' '));
                    boolean relevant = must.contains(task);
                    md.append(t == null ? "-" : (relevant ? "**" : "") + t[0] + "/" + t[1] + (relevant ? "**" : "")).append(" | ");
                    if (t != null && t[0] > 0 && !may.contains(task)) {
                        verdicts.add((must.isEmpty() ? "FALSE FAILURE in " : "blames task ") + task);
                    }
                }
                if (o.error() != null) {
                    verdicts.add(o.error());
                }
                md.append(verdicts.isEmpty() ? "ok" : String.join("; ", verdicts))
                    .append(String.format(Locale.ROOT, " | %.0f |%n", o.seconds()));
            }
        }
        return md.toString();
    }
}
