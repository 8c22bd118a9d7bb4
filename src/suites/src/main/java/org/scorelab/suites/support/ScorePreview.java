package org.scorelab.suites.support;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints a per-task score table when a run of graded tests ends, so that a student running the public checks sees
 * "Task 3.3: 2.5 / 4 points" and why points were lost. Registered with the JUnit Platform through
 * META-INF/services, so every launcher (Maven, an IDE, the grader) picks it up. Silent when no graded test ran.
 */
public final class ScorePreview implements TestExecutionListener {
    private record Outcome(Graded graded, String test, boolean passed, String reason) {
    }

    private final List<Outcome> outcomes = new ArrayList<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        graded(test).ifPresent(g -> outcomes.add(new Outcome(g, test.getDisplayName(),
            result.getStatus() == TestExecutionResult.Status.SUCCESSFUL,
            result.getThrowable().map(ScorePreview::firstLines).orElse(result.getStatus().toString()))));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (outcomes.isEmpty()) {
            return;
        }
        System.out.println(render());
    }

    /** The table, one line per task, then the failed checks. */
    String render() {
        Map<String, double[]> tasks = new TreeMap<>();
        for (Outcome o : outcomes) {
            double[] points = tasks.computeIfAbsent(o.graded.assignment() + " " + o.graded.task(), k -> new double[2]);
            points[1] += o.graded.points();
            points[0] += o.passed ? o.graded.points() : 0;
        }
        StringBuilder s = new StringBuilder("\n==================== score preview ====================\n");
        double earned = 0;
        double total = 0;
        for (Map.Entry<String, double[]> e : tasks.entrySet()) {
            s.append(String.format(Locale.ROOT, "  Task %-10s %6.2f / %5.2f%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
            earned += e.getValue()[0];
            total += e.getValue()[1];
        }
        s.append(String.format(Locale.ROOT, "  %-15s %6.2f / %5.2f  (checks run here only; the grader adds hidden ones)%n",
            "total", earned, total));
        for (Outcome o : outcomes) {
            if (!o.passed) {
                s.append("\n  FAILED ").append(o.test).append(" (").append(o.graded.points()).append(" points)\n    ")
                    .append(o.reason.replace("\n", "\n    ")).append('\n');
            }
        }
        return s.append("=======================================================").toString();
    }

    private static Optional<Graded> graded(TestIdentifier test) {
        return test.getSource()
            .filter(MethodSource.class::isInstance)
            .map(MethodSource.class::cast)
            .flatMap(source -> {
                try {
                    Method method = source.getJavaMethod();
                    return Optional.ofNullable(method.getAnnotation(Graded.class));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            });
    }

    private static String firstLines(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        if (!(t instanceof AssertionError)) {
            message = t.getClass().getSimpleName() + ": " + message;
        }
        String[] lines = message.split("\n");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, 4)));
    }
}
