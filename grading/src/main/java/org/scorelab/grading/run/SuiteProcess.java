package org.scorelab.grading.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of a submission's test JVM. Reads the channel key and the unique ids of the tests to run from
 * standard input, runs them with the JUnit Platform, and writes one signed event per test start and end to the
 * original standard output. The tests' own prints go to a capped buffer sent with each result.
 */
public final class SuiteProcess {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Channel channel;
    private final PrintStream events;
    private final CappedOutput output;
    private final Set<String> requested;
    private final Set<String> reported = new HashSet<>();
    private volatile String current;
    private long startedAt;

    private SuiteProcess(Channel channel, PrintStream events, CappedOutput output, Set<String> requested) {
        this.channel = channel;
        this.events = events;
        this.output = output;
        this.requested = requested;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Channel channel = new Channel(HexFormat.of().parseHex(in.readLine().trim()));
        ObjectNode request = (ObjectNode) JSON.readTree(in.readLine());
        System.setIn(InputStream.nullInputStream());
        List<String> ids = new ArrayList<>();
        request.get("uniqueIds").forEach(n -> ids.add(n.asText()));
        PrintStream events = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        CappedOutput output = new CappedOutput(request.get("outputBytes").asInt());
        PrintStream captured = new PrintStream(output, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
        SuiteProcess process = new SuiteProcess(channel, events, output, new HashSet<>(ids));
        Runtime.getRuntime().addShutdownHook(new Thread(process::exiting));
        process.emit(JSON.createObjectNode().put("event", "ready"));
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
            .selectors(ids.stream().map(id -> selectUniqueId(id)).toList())
            // jqwik prints a failed property's report, with its generated inputs, to standard output; as a JUnit
            // report entry it goes nowhere, so hidden properties' inputs stay hidden.
            .configurationParameter("jqwik.reporting.usejunitplatform", "true")
            .build(), process.listener());
        process.emit(JSON.createObjectNode().put("event", "done"));
        events.flush();
        // halt, not exit: a thread the submission left running must not keep the JVM alive or run its hooks.
        Runtime.getRuntime().halt(0);
    }

    private void exiting() {
        // Runs on System.exit (not on halt): tell the grader which test was running.
        emit(JSON.createObjectNode().put("event", "exit").put("during", current));
    }

    private synchronized void emit(ObjectNode event) {
        events.println(channel.sign(event.toString()));
        events.flush();
    }

    private TestExecutionListener listener() {
        return new TestExecutionListener() {
            private TestPlan plan;

            @Override
            public void testPlanExecutionStarted(TestPlan testPlan) {
                plan = testPlan;
            }

            @Override
            public void executionStarted(TestIdentifier test) {
                if (requested.contains(test.getUniqueId())) {
                    output.take();
                    current = test.getUniqueId();
                    startedAt = System.nanoTime();
                    emit(JSON.createObjectNode().put("event", "start").put("uniqueId", test.getUniqueId()));
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (requested.contains(test.getUniqueId())) {
                    finish(test.getUniqueId(), result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                        ? null : result.getThrowable().orElse(null), result.getStatus().toString());
                } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    // A class's set-up failed: its tests never start, so report each with the set-up's failure.
                    for (TestIdentifier d : plan.getDescendants(test)) {
                        if (requested.contains(d.getUniqueId()) && !reported.contains(d.getUniqueId())) {
                            finish(d.getUniqueId(), result.getThrowable().orElse(null), "set-up failed");
                        }
                    }
                }
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                List<TestIdentifier> tests = new ArrayList<>(plan.getDescendants(test));
                tests.add(test);
                for (TestIdentifier d : tests) {
                    if (requested.contains(d.getUniqueId()) && !reported.contains(d.getUniqueId())) {
                        emit(JSON.createObjectNode().put("event", "finish").put("uniqueId", d.getUniqueId())
                            .put("status", "NOT_RUN").put("message", "skipped: " + reason).put("output", "")
                            .put("seconds", 0.0));
                        reported.add(d.getUniqueId());
                    }
                }
            }
        };
    }

    private void finish(String uniqueId, Throwable failure, String fallback) {
        ObjectNode event = JSON.createObjectNode().put("event", "finish").put("uniqueId", uniqueId);
        double seconds = uniqueId.equals(current) ? (System.nanoTime() - startedAt) / 1e9 : 0;
        if (failure == null && "SUCCESSFUL".equals(fallback)) {
            event.put("status", "PASSED").put("message", "");
        } else {
            Failures.describe(failure, fallback, event);
        }
        event.put("output", output.take()).put("seconds", seconds).put("processCpuSeconds", processCpuSeconds());
        emit(event);
        reported.add(uniqueId);
        current = null;
    }

    /** This JVM's CPU time so far, every thread (native ones included), in seconds; 0 where the JVM cannot tell. */
    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime()) / 1e9;
        }
        return 0;
    }
}
