package org.scorelab.suites.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
 * "Task dsm 3.3  2.50 / 5.00" and why points were lost: the failed checks grouped by task in the sheet's order, each
 * with its message (issue 19). Registered with the JUnit Platform through META-INF/services, so every launcher (Maven,
 * an IDE, the grader) picks it up. Silent when no graded test ran.
 *
 * <p>With the system property {@value #FILE_PROPERTY} (the student's pom sets it for Surefire), the preview is written
 * to that file instead of printed, and {@link ScorePreviewPrinter} prints it after Surefire's own lines, so that it is
 * the last thing {@code mvn test} shows.
 */
public final class ScorePreview implements TestExecutionListener {
    /** The system property naming the file to write the preview to, instead of standard output. */
    public static final String FILE_PROPERTY = "scorelab.preview.file";
    /** The most lines of a failure's message the preview shows. */
    private static final int MESSAGE_LINES = 6;

    private record Outcome(Graded graded, String test, boolean passed, String reason) {
    }

    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private final Map<String, TestIdentifier> planned = new LinkedHashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier t : testPlan.getDescendants(root)) {
                graded(t).ifPresent(g -> planned.put(t.getUniqueId(), t));
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Optional<Graded> graded = graded(test);
        String reason = result.getThrowable().map(ScorePreview::reason).orElse(result.getStatus().toString());
        if (graded.isPresent()) {
            record(test, graded.get(), result.getStatus() == TestExecutionResult.Status.SUCCESSFUL, reason);
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && plan != null) {
            // A class's set-up failed: its graded tests never ran, and fail with the set-up's reason.
            for (TestIdentifier d : plan.getDescendants(test)) {
                graded(d).ifPresent(g -> record(d, g, false, "set-up failed: " + reason));
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        List<TestIdentifier> tests = new ArrayList<>(plan == null ? List.of() : plan.getDescendants(test));
        tests.add(test);
        for (TestIdentifier t : tests) {
            graded(t).ifPresent(g -> record(t, g, false, "skipped: " + reason));
        }
    }

    private void record(TestIdentifier test, Graded graded, boolean passed, String reason) {
        outcomes.putIfAbsent(test.getUniqueId(), new Outcome(graded, test.getDisplayName(), passed, reason));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        planned.forEach((id, t) -> graded(t).ifPresent(g -> record(t, g, false, "did not run")));
        if (outcomes.isEmpty()) {
            return;
        }
        String file = System.getProperty(FILE_PROPERTY, "");
        if (file.isBlank()) {
            System.out.println(render());
            return;
        }
        try {
            Path path = Path.of(file);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, render() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the score preview to " + file, e);
        }
    }

    /** The table, one line per task in the sheet's order, then the failed checks grouped by task in the same order. */
    String render() {
        Map<String, List<Outcome>> tasks = new TreeMap<>(SHEET_ORDER);
        for (Outcome o : outcomes.values()) {
            tasks.computeIfAbsent(o.graded.assignment() + " " + o.graded.task(), k -> new ArrayList<>()).add(o);
        }
        StringBuilder s = new StringBuilder("\n==================== score preview ====================\n");
        double earned = 0;
        double total = 0;
        for (Map.Entry<String, List<Outcome>> e : tasks.entrySet()) {
            double[] points = points(e.getValue());
            s.append(String.format(Locale.ROOT, "  Task %-10s %6.2f / %5.2f%n", e.getKey(), points[0], points[1]));
            earned += points[0];
            total += points[1];
        }
        s.append(String.format(Locale.ROOT, "  %-15s %6.2f / %5.2f  (checks run here only; the grader adds hidden ones)%n",
            "total", earned, total));
        boolean first = true;
        for (Map.Entry<String, List<Outcome>> e : tasks.entrySet()) {
            Map<String, List<Outcome>> byReason = new LinkedHashMap<>();
            e.getValue().stream().filter(o -> !o.passed)
                .forEach(o -> byReason.computeIfAbsent(o.reason, r -> new ArrayList<>()).add(o));
            if (byReason.isEmpty()) {
                continue;
            }
            if (first) {
                s.append("\n  Failed checks, by task in the sheet's order:\n");
                first = false;
            }
            double[] points = points(e.getValue());
            s.append(String.format(Locale.ROOT, "%n  Task %s, %.2f of %.2f points lost:%n", e.getKey(), points[1] - points[0],
                points[1]));
            for (Map.Entry<String, List<Outcome>> group : byReason.entrySet()) {
                List<Outcome> failed = group.getValue();
                double lost = failed.stream().mapToDouble(o -> o.graded.points()).sum();
                s.append("    FAILED ").append(failed.size() == 1 ? failed.get(0).test : failed.size() + " checks")
                    .append(String.format(Locale.ROOT, " (%s points)%n      ", number(lost)))
                    .append(group.getKey().replace("\n", "\n      ")).append('\n');
            }
        }
        return s.append("=======================================================").toString();
    }

    private static double[] points(List<Outcome> outcomes) {
        double[] points = new double[2];
        for (Outcome o : outcomes) {
            points[1] += o.graded.points();
            points[0] += o.passed ? o.graded.points() : 0;
        }
        return points;
    }

    private static String number(double points) {
        return points == Math.rint(points) ? String.format(Locale.ROOT, "%.1f", points)
            : String.valueOf(Math.round(points * 1000) / 1000.0);
    }

    /**
     * The sheet's order of "assignment task" keys: by assignment, then task numbers compared part by part as numbers
     * ("3.2.2" after "3.1.1", "10.1" after "9.1").
     */
    static final Comparator<String> SHEET_ORDER = (a, b) -> {
        String[] x = a.split("[ .]");
        String[] y = b.split("[ .]");
        int c = x[0].compareTo(y[0]);
        for (int i = 1; c == 0 && i < Math.min(x.length, y.length); i++) {
            c = x[i].matches("\\d+") && y[i].matches("\\d+") ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]))
                : x[i].compareTo(y[i]);
        }
        return c != 0 ? c : Integer.compare(x.length, y.length);
    };

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

    /**
     * A failure's message, its first lines; an exception other than a failed check is named, with the line of the
     * student's code it came from (the preview stands in for Surefire's stack traces).
     */
    static String reason(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        boolean notImplemented = t.getClass().getSimpleName().equals("NotImplemented");
        if (!(t instanceof AssertionError) && !notImplemented) {
            message = t.getClass().getSimpleName() + ": " + message;
        }
        String[] lines = message.split("\n");
        String shown = String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, MESSAGE_LINES)));
        if (t instanceof AssertionError || notImplemented) {
            return shown;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            String c = frame.getClassName();
            String pkg = c.lastIndexOf('.') < 0 ? "" : c.substring(0, c.lastIndexOf('.'));
            if (org.scorelab.course.Course.installed().owning(pkg).isPresent()) { // a frame of the student's own classes
                return shown + "\n  at " + frame;
            }
        }
        return shown;
    }
}
