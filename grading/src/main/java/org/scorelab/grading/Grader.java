package org.scorelab.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.scorelab.grading.compile.Compilation;
import org.scorelab.grading.compile.SubmissionCompiler;
import org.scorelab.grading.intake.Intake;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.intake.TemplateSources;
import org.scorelab.grading.intake.Upload;
import org.scorelab.grading.report.SubmissionFigures;
import org.scorelab.grading.report.SubmissionReport;
import org.scorelab.grading.report.SubmissionReport.Points;
import org.scorelab.grading.report.SubmissionReport.TestResult;
import org.scorelab.grading.run.Limits;
import org.scorelab.grading.run.PlannedTest;
import org.scorelab.grading.run.ResultsCache;
import org.scorelab.grading.run.Status;
import org.scorelab.grading.run.SuitePlan;
import org.scorelab.grading.run.SuiteRun;
import org.scorelab.grading.run.TestDigests;
import org.scorelab.grading.run.TestOutcome;
import org.scorelab.grading.run.TestRunner;
import org.scorelab.grading.score.ManualPoints;
import org.scorelab.grading.score.Rubric;
import org.scorelab.grading.score.Scorecard;
import org.scorelab.grading.score.TaskScore;

/**
 * Grades one submission: reads the upload, compiles it against the kit (a file that does not compile is replaced by
 * the template's), runs the planned suites in a separate JVM with limits, and scores the outcomes with the rubric.
 * Thread-safe: a class is graded by several workers sharing one grader.
 */
public final class Grader {
    /**
     * How to grade.
     *
     * @param hidden run the hidden suites too (the grader's default; students' local checks run only the public)
     * @param include a regular expression on test classes (e.g. {@code ebm\..*}), or null for all
     * @param limits the test JVM's limits
     * @param rubric tests to points
     * @param manual hand-given marks
     * @param jvms test JVMs run at once for one submission, one per assignment
     * @param resultsCache a folder of outcomes kept between gradings (a regrade reruns only the tests whose inputs
     *     changed), or null to run every test
     */
    public record Options(boolean hidden, String include, Limits limits, Rubric rubric, ManualPoints manual, int jvms,
                          Path resultsCache) {
        /** Without a results cache. */
        public Options(boolean hidden, String include, Limits limits, Rubric rubric, ManualPoints manual, int jvms) {
            this(hidden, include, limits, rubric, manual, jvms, null);
        }

        public static Options defaults() {
            return new Options(true, null, Limits.defaults(), Rubric.annotations(), ManualPoints.none(), 1);
        }

        /** These options with a results cache in {@code dir} (see {@link ResultsCache}). */
        public Options withResultsCache(Path dir) {
            return new Options(hidden, include, limits, rubric, manual, jvms, dir);
        }
    }

    /** CPU time of the grading thread (the compiler runs on it), for the report's {@code compileCpu}. */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The key of {@link SubmissionReport#reproducibility()} that holds the report's {@link #planId()}. */
    public static final String PLAN = "plan";

    private final Options options;
    private final TemplateSources template = TemplateSources.bundled();
    private final List<PlannedTest> plan;
    private final SubmissionCompiler compiler;
    private final String fingerprint;
    private final String planId;
    private final ResultsCache cache;
    private final Map<String, String> testDigests;
    /** The key of {@link SubmissionReport#reproducibility()} that holds the digest of the upload graded. */
    public static final String UPLOAD = "upload";
    /** The key of {@link SubmissionReport#reproducibility()} that says how many results came from the cache. */
    public static final String RESULTS_CACHE = "resultsCache";

    public Grader(Options options) {
        this.options = options;
        this.plan = SuitePlan.discover(options.hidden(), options.include());
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("no graded test matches " + options.include());
        }
        this.compiler = new SubmissionCompiler(template, org.scorelab.grading.run.ClassPaths.compiler());
        this.fingerprint = fingerprint(SuitePlan.roots(options.hidden()));
        this.planId = describePlan();
        this.cache = options.resultsCache() == null ? null : new ResultsCache(options.resultsCache());
        this.testDigests = cache == null ? Map.of() : TestDigests.of(plan, SuitePlan.roots(options.hidden()),
            String.join("\n", fingerprint(List.of(SuitePlan.location(org.scorelab.autograd.Tensor.class),
                SuitePlan.location(Grader.class))), limitsText()));
    }

    /** The digest of an upload's bytes (a folder's files, by path, or a zip): a resumed batch regrades a changed one. */
    public static String uploadDigest(Path upload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (Stream<Path> files = Files.isDirectory(upload) ? Files.walk(upload) : Stream.of(upload)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    sha.update(upload.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(f));
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (IOException e) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a grade depends on besides the submission, as one identifier: which suites ran (public or public and
     * hidden, the --only filter) and their compiled classes, the kit's and the grader's own classes, the limits, the
     * rubric and the hand-given points. A resumed batch counts a report as done only when it has the same plan
     * (ClassGrader), so public-only reports are never taken for a full grading's, nor reports of older suites for
     * a fixed check's.
     */
    public String planId() {
        return planId;
    }

    private String describePlan() {
        String described = String.join("\n", suites(), fingerprint,
            fingerprint(List.of(SuitePlan.location(org.scorelab.autograd.Tensor.class), SuitePlan.location(Grader.class))),
            limitsText(), options.rubric().toString(), options.manual().toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(described.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return suites().replace(' ', '-').replaceAll("[^A-Za-z0-9+.-]", "") + "@" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The graded tests this grader runs. */
    public List<PlannedTest> plan() {
        return plan;
    }

    /** Grades the upload at {@code upload} (a folder or a zip) in a temporary work folder, deleted afterwards. */
    public SubmissionReport grade(Student student, Path upload) throws IOException {
        Path work = Files.createTempDirectory("scorelab-" + student.fileKey() + "-");
        try {
            return grade(student, upload, work);
        } finally {
            try {
                SubmissionCompiler.deleteRecursively(work);
            } catch (UncheckedIOException e) {
                // Best effort: a temporary folder left behind is harmless.
            }
        }
    }

    /**
     * Grades the upload at {@code upload} (a folder or a zip) using {@code workDir} (created, and left for
     * inspection) for the compiled classes and the test JVM's working directory.
     */
    public SubmissionReport grade(Student student, Path upload, Path workDir) {
        long start = System.nanoTime();
        reusedHere.set(0);
        Map<String, Double> timings = new LinkedHashMap<>();
        try {
            Upload files = Intake.read(upload, template);
            timings.put("intake", seconds(start));
            long compileCpu = THREADS.getCurrentThreadCpuTime();
            Compilation compilation = compiler.compile(files, Files.createDirectories(workDir.resolve("classes")));
            timings.put("compile", compilation.seconds());
            timings.put("compileCpu", (THREADS.getCurrentThreadCpuTime() - compileCpu) / 1e9);
            SuiteRun run = runWithCache(compilation, workDir);
            timings.put("jvmStart", run.startSeconds());
            timings.put("tests", run.seconds());
            timings.put("testsCpu", run.cpuSeconds());
            timings.put("total", seconds(start));
            Scorecard card = Scorecard.of(run.outcomes(), options.rubric(), options.manual().of(student.id(), student.name()));
            return new SubmissionReport(student, "graded", now(), suites(), reproducibility(upload), files.notes(),
                compilation.files(), run.notes(), timings, results(run.outcomes(), card), card.tasks(), totals(card),
                SubmissionFigures.of(workDir).orElse(null));
        } catch (IOException | RuntimeException e) {
            timings.put("total", seconds(start));
            List<TestOutcome> none = plan.stream().map(t -> new TestOutcome(t, Status.NOT_RUN,
                "not run: the grader failed on this submission", Map.of(), "", 0)).toList();
            Scorecard card = Scorecard.of(none, options.rubric(), List.of());
            return new SubmissionReport(student, "grader-error", now(), suites(), reproducibility(upload),
                List.of("The grader failed on this submission (" + e + "); it was not scored. Regrade it, or report it."),
                List.of(), List.of(), timings, results(none, card), card.tasks(), totals(card), null);
        }
    }

    /**
     * Runs each assignment's tests in a JVM of its own, {@code jvms} of them side by side (on the 2-core machine, one
     * submission's hidden suites took 209 s in one JVM; see docs/grading.md). One at a time, a JVM per assignment
     * still keeps the memory an assignment's training leaves behind from the next one's: in Gradescope's 768 MB, one
     * JVM for both assignments' hidden suites was stopped during the last ebm training (docs/grading.md).
     */
    /**
     * Runs the plan, reusing the results cache's outcomes of tests whose key (the test, the suites, the kit, the
     * limits, and this submission's classes of the test's assignment) it holds, and keeping the new ones.
     */
    private SuiteRun runWithCache(Compilation compilation, Path workDir) throws IOException {
        reusedHere.set(0);
        if (cache == null) {
            return runSuites(plan, compilation, workDir);
        }
        Map<String, String> inputs = new java.util.HashMap<>();
        Map<String, String> keys = new java.util.HashMap<>();
        Map<String, TestOutcome> kept = new java.util.HashMap<>();
        List<PlannedTest> toRun = new ArrayList<>();
        for (PlannedTest t : plan) {
            String key = ResultsCache.key(t, testDigests.get(t.id()),
                inputs.computeIfAbsent(t.assignment(), a -> TestDigests.inputs(compilation.classes(), a)));
            keys.put(t.uniqueId(), key);
            cache.get(key, t).ifPresentOrElse(o -> kept.put(t.uniqueId(), o), () -> toRun.add(t));
        }
        SuiteRun ran = toRun.isEmpty() ? new SuiteRun(List.of(), List.of(), 0, 0, 0, 0) : runSuites(toRun, compilation, workDir);
        ran.outcomes().forEach(o -> cache.put(keys.get(o.test().uniqueId()), o));
        Map<String, TestOutcome> byId = new java.util.HashMap<>(kept);
        ran.outcomes().forEach(o -> byId.put(o.test().uniqueId(), o));
        reusedHere.set(kept.size());
        return new SuiteRun(plan.stream().map(t -> byId.get(t.uniqueId())).toList(), ran.notes(), ran.jvmStarts(),
            ran.startSeconds(), ran.seconds(), ran.cpuSeconds());
    }

    /** How many outcomes the current thread's last {@link #runWithCache} took from the cache. */
    private final ThreadLocal<Integer> reusedHere = ThreadLocal.withInitial(() -> 0);

    private SuiteRun runSuites(List<PlannedTest> plan, Compilation compilation, Path workDir) throws IOException {
        Limits limits = options.limits();
        long start = System.nanoTime();
        Map<String, List<PlannedTest>> groups = new java.util.TreeMap<>();
        plan.forEach(t -> groups.computeIfAbsent(t.assignment(), k -> new ArrayList<>()).add(t));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, options.jvms()));
        try {
            List<java.util.concurrent.Future<SuiteRun>> runs = new ArrayList<>();
            for (var group : groups.entrySet()) {
                Path dir = Files.createDirectories(workDir.resolve("run-" + group.getKey()));
                runs.add(pool.submit(() -> {
                    // The submission's time limit is shared by its JVMs: one that starts after another gets what is left.
                    java.time.Duration left = limits.perSubmission().minusNanos(System.nanoTime() - start);
                    left = left.compareTo(java.time.Duration.ofSeconds(1)) < 0 ? java.time.Duration.ofSeconds(1) : left;
                    java.time.Duration test = limits.perTest().compareTo(left) < 0 ? limits.perTest() : left;
                    return new TestRunner(limits.withTimes(test, left)).run(group.getValue(), compilation.classes(), dir);
                }));
            }
            List<SuiteRun> done = new ArrayList<>();
            for (var f : runs) {
                done.add(f.get());
            }
            Map<String, TestOutcome> byId = new java.util.HashMap<>();
            done.forEach(r -> r.outcomes().forEach(o -> byId.put(o.test().uniqueId(), o)));
            return new SuiteRun(plan.stream().map(t -> byId.get(t.uniqueId())).toList(),
                done.stream().flatMap(r -> r.notes().stream()).toList(), done.stream().mapToInt(SuiteRun::jvmStarts).sum(),
                done.stream().mapToDouble(SuiteRun::startSeconds).max().orElse(0), seconds(start),
                done.stream().mapToDouble(SuiteRun::cpuSeconds).sum());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<TestResult> results(List<TestOutcome> outcomes, Scorecard card) {
        List<TestResult> out = new ArrayList<>();
        for (TestOutcome o : outcomes) {
            PlannedTest t = o.test();
            out.add(new TestResult(t.id(), t.assignment(), t.task(), options.rubric().weight(t), t.hidden(),
                o.status().name(), o.message(), o.details(), o.output(), o.seconds()));
        }
        return out;
    }

    private static Map<String, Points> totals(Scorecard card) {
        Map<String, Points> totals = new LinkedHashMap<>();
        card.assignments().forEach(a -> totals.put(a, new Points(card.earned(a), card.max(a))));
        totals.put("total", new Points(card.earned(), card.max()));
        return totals;
    }

    private String suites() {
        return (options.hidden() ? "public+hidden" : "public") + (options.include() == null ? "" : " (only " + options.include() + ")");
    }

    private Map<String, String> reproducibility(Path upload) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put(UPLOAD, uploadDigest(upload));
        if (cache != null) {
            r.put(RESULTS_CACHE, reusedHere.get() + " of " + plan.size() + " test results reused (same test, suites, kit,"
                + " limits and classes of this submission's assignment)");
        }
        r.put("seeds", "fixed: every graded test draws from a seed written in the suites' code (jqwik properties use"
            + " seed = SEED), so a regrade with the same suites reproduces every score");
        r.put("suitesFingerprint", fingerprint);
        r.put(PLAN, planId);
        r.put("limits", limitsText());
        r.put("java", System.getProperty("java.version"));
        r.put("sandbox", org.scorelab.grading.run.TestRunner.sandbox());
        return r;
    }

    private String limitsText() {
        Limits l = options.limits();
        return "per test " + l.perTest().toSeconds() + " s, per submission " + l.perSubmission().toSeconds()
            + " s, heap " + l.heapMegabytes() + " MB, output " + l.outputBytes() + " bytes per test, " + l.threads()
            + " native thread(s)";
    }

    private static String fingerprint(List<Path> roots) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path root : roots) {
                try (Stream<Path> files = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                        try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
                            in.transferTo(java.io.OutputStream.nullOutputStream());
                        }
                    }
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
