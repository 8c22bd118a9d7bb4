package org.scorelab.grading.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.scorelab.grading.report.SubmissionFigures;
import org.scorelab.suites.support.Artifacts;

/**
 * One test JVM of a submission, from start to exit: starts it (in the sandbox, with the limits), sends it the tests
 * still to run and the channel's key, reads its signed events, and keeps the clock. {@link TestRunner} starts one
 * after another until every planned test has an outcome.
 */
final class TestJvm {
    /**
     * ND4J's native loader (JavaCPP) calls {@code System.load} and {@code sun.misc.Unsafe}'s memory access; from JDK 24
     * each prints a warning to stderr, which would read as the test JVM's own output. Both are allowed explicitly:
     * {@code --enable-native-access} exists since JDK 17, {@code --sun-misc-unsafe-memory-access} since JDK 23 (an
     * older JVM refuses to start with it, so it is added only there).
     */
    static final List<String> NATIVE_ACCESS = Runtime.version().feature() >= 23
        ? List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow")
        : List.of("--enable-native-access=ALL-UNNAMED");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EOF = "\u0000eof";
    /** The message of JUnit's {@code @Timeout} failures. */
    private static final String JUNIT_TIMEOUT = "timed out after";
    /**
     * Where JavaCPP keeps ND4J's native libraries, shared by the test JVMs: in a fresh folder each JVM would unpack
     * 397 MB (1.7 s, against 0.4 s warm). The one folder besides its own that a test JVM can write; the static check
     * refuses file I/O, so a submission cannot reach it.
     */
    static final Path NATIVE_CACHE = Path.of(System.getProperty("java.io.tmpdir"), "scorelab-javacpp-cache");

    private final Limits limits;
    private final Map<String, PlannedTest> plan;
    private final Map<String, TestOutcome> outcomes;
    private final Path workDir;
    private final Path classes;
    private final long deadline;
    private final List<String> notes = new ArrayList<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final StreamTail stderr = new StreamTail(8 * 1024);
    private final StreamTail stray = new StreamTail(8 * 1024);
    private boolean progressed;
    private boolean restartRequested;
    private boolean done;
    private boolean outOfTime;
    private double firstTestAfter = -1;
    private double cpuSeconds;

    TestJvm(Limits limits, Map<String, PlannedTest> plan, Map<String, TestOutcome> outcomes, Path workDir, Path classes,
            long deadline) {
        this.limits = limits;
        this.plan = plan;
        this.outcomes = outcomes;
        this.workDir = workDir;
        this.classes = classes;
        this.deadline = deadline;
    }

    /** Seconds from starting the JVM to its first test, or -1. */
    /** The JVM's CPU time up to its last finished test, as it reported it. */
    double cpuSeconds() {
        return cpuSeconds;
    }

    double firstTestAfter() {
        return firstTestAfter;
    }

    /** What happened to the JVM, for the report. */
    List<String> notes() {
        return notes;
    }

    /** True when the JVM ran everything it was sent and said so. */
    boolean done() {
        return done;
    }

    /** True when the submission's time ran out in this JVM. */
    boolean outOfTime() {
        return outOfTime;
    }

    /** True when at least one test got an outcome in this JVM. */
    boolean progressed() {
        return progressed;
    }

    void run() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Channel channel = new Channel(key);
        long launched = System.nanoTime();
        Process process = start();
        List<Thread> readers = startReaders(process, channel);
        try (Writer stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            ObjectNode request = JSON.createObjectNode().put("outputBytes", limits.outputBytes());
            var ids = request.putArray("uniqueIds");
            plan.keySet().stream().filter(id -> !outcomes.containsKey(id)).forEach(ids::add);
            stdin.write(HexFormat.of().formatHex(key) + "\n" + request + "\n");
        } catch (IOException e) {
            notes.add("could not send the tests to the test JVM: " + e.getMessage());
        }
        String current = null;
        long currentSince = 0;
        String exitDuring = null;
        try {
            while (!restartRequested) {
                String line = events.poll(100, TimeUnit.MILLISECONDS);
                long now = System.nanoTime();
                if (line == null) {
                    if (current != null && now - currentSince > limits.perTest().toNanos()) {
                        kill(process);
                        record(current, Status.TIMED_OUT, "timed out: the test ran longer than its limit of "
                            + limits.perTest().toSeconds() + " s (an endless loop, or training far longer than the"
                            + " sheet's budget); the test JVM was stopped and the remaining tests ran in a new one");
                        break;
                    }
                    if (now > deadline) {
                        kill(process);
                        outOfTime = true;
                        if (current != null) {
                            record(current, Status.TIMED_OUT, "timed out: the submission's time limit of "
                                + limits.perSubmission().toSeconds() + " s ran out during this test");
                        }
                        break;
                    }
                    continue;
                }
                if (line.equals(EOF)) {
                    break;
                }
                JsonNode event = JSON.readTree(line);
                switch (event.get("event").asText()) {
                    case "start" -> {
                        current = event.get("uniqueId").asText();
                        currentSince = now;
                        if (firstTestAfter < 0) {
                            firstTestAfter = (now - launched) / 1e9;
                        }
                    }
                    case "finish" -> {
                        finish(event);
                        if (event.get("uniqueId").asText().equals(current)) {
                            current = null;
                        }
                        if (event.path("message").asText().contains(JUNIT_TIMEOUT)) {
                            // A suite's own @Timeout abandons the test's thread, which may still be spinning:
                            // a new JVM runs the remaining tests without it.
                            notes.add(plan.get(event.get("uniqueId").asText()).id() + " hit its suite's time-out;"
                                + " the remaining tests ran in a new JVM");
                            kill(process);
                            restartRequested = true;
                            // the loop ends: restartRequested
                        }
                    }
                    case "exit" -> exitDuring = event.path("during").isNull() ? null : event.get("during").asText();
                    case "done" -> done = true;
                    default -> {
                    }
                }
            }
            for (Thread reader : readers) {
                reader.join(5_000);
            }
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading interrupted", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            kill(process);
        }
        if (!done && current != null && !outcomes.containsKey(current)) {
            record(current, Status.CRASHED, crashReason(process, exitDuring != null));
        }
        if (!done && !outOfTime && !restartRequested) {
            notes.add("the test JVM " + (process.isAlive() ? "was stopped" : "exited with code " + exitCode(process))
                + (current != null ? " during " + plan.get(current).id() : "") + stderrHint());
        }
        if (stray.total() > 0) {
            notes.add("output outside any test (" + stray.total() + " bytes), e.g.: " + stray.text().strip());
        }
    }

    private Process start() {
        try {
            Files.createDirectories(workDir.resolve("tmp"));
            Path cache = Files.createDirectories(NATIVE_CACHE);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long nativeBytes = 2L * limits.heapMegabytes() << 20;
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + limits.heapMegabytes() + "m", "-Xss8m",
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:MaxDirectMemorySize=" + nativeBytes));
            command.addAll(NATIVE_ACCESS);
            command.addAll(List.of("-Dorg.bytedeco.javacpp.maxbytes=" + nativeBytes,
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + (nativeBytes + (limits.heapMegabytes() * 2L << 20)),
                "-Dorg.bytedeco.javacpp.cachedir=" + cache,
                "-Djava.io.tmpdir=" + workDir.resolve("tmp"), "-Duser.home=" + workDir,
                "-D" + Artifacts.PROPERTY + "=" + workDir.resolve(SubmissionFigures.FOLDER),
                "-cp", ClassPaths.tests(classes), SuiteProcess.class.getName()));
            List<Path> readOnly = new ArrayList<>(ClassPaths.runtime());
            readOnly.add(classes);
            ProcessBuilder builder = new ProcessBuilder(Sandbox.wrap(command, readOnly, List.of(workDir, cache), workDir))
                .directory(workDir.toFile());
            Map<String, String> env = builder.environment();
            String path = env.getOrDefault("PATH", "/usr/bin:/bin");
            env.clear();
            env.put("PATH", path);
            env.put("HOME", workDir.toString());
            env.put("LANG", "C.UTF-8");
            env.put("OMP_NUM_THREADS", Integer.toString(limits.threads()));
            env.put("OPENBLAS_NUM_THREADS", Integer.toString(limits.threads()));
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the test JVM", e);
        }
    }

    private List<Thread> startReaders(Process process, Channel channel) {
        Thread out = daemon(() -> {
            try {
                BoundedLines.read(process.getInputStream(), line -> {
                    var event = channel.verify(line);
                    if (event.isPresent()) {
                        events.add(event.get());
                    } else {
                        stray.append(line + "\n");
                    }
                });
            } finally {
                events.add(EOF);
            }
        });
        Thread err = daemon(() -> BoundedLines.read(process.getErrorStream(), l -> stderr.append(l + "\n")));
        return List.of(out, err);
    }

    private void finish(JsonNode event) {
        PlannedTest test = plan.get(event.get("uniqueId").asText());
        if (test == null || outcomes.containsKey(test.uniqueId())) {
            return;
        }
        cpuSeconds = Math.max(cpuSeconds, event.path("processCpuSeconds").asDouble());
        Map<String, String> details = new LinkedHashMap<>();
        event.path("details").fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
        outcomes.put(test.uniqueId(), new TestOutcome(test, Status.valueOf(event.get("status").asText()),
            event.path("message").asText(), details, event.path("output").asText(), event.path("seconds").asDouble()));
        progressed = true;
    }

    private void record(String uniqueId, Status status, String message) {
        outcomes.put(uniqueId, TestOutcome.of(plan.get(uniqueId), status, message));
        progressed = true;
    }

    private String crashReason(Process process, boolean exitCalled) {
        String err = stderr.text();
        if (exitCalled) {
            return "crashed: the code called System.exit(" + exitCode(process) + "), which ends the test JVM;"
                + " throw an exception instead";
        }
        // -XX:+ExitOnOutOfMemoryError ends the JVM with code 3 and says so on standard error.
        if (err.contains("OutOfMemoryError") || "3".equals(exitCode(process))) {
            return "crashed: out of memory (the heap limit is " + limits.heapMegabytes()
                + " MB); look for an array that grows without bound, or a batch far larger than the sheet's";
        }
        if (err.contains("StackOverflowError")) {
            return "crashed: stack overflow (a recursion that does not end)";
        }
        return "crashed: the test JVM died (exit code " + exitCode(process) + ") during this test" + stderrHint();
    }

    /** The JVM's last error lines, for a note; empty when it printed none. */
    String stderrHint() {
        String err = stderr.text().strip();
        if (err.isEmpty()) {
            return "";
        }
        String[] lines = err.split("\n");
        return "; its last error output: " + String.join(" | ", java.util.Arrays.copyOfRange(lines,
            Math.max(0, lines.length - 3), lines.length));
    }

    private static String exitCode(Process process) {
        try {
            return Integer.toString(process.exitValue());
        } catch (IllegalThreadStateException e) {
            return "?";
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "scorelab-test-jvm-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Kills the JVM and every process it started. */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
