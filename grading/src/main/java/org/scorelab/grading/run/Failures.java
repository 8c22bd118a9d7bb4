package org.scorelab.grading.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;
import org.scorelab.course.Course;
import org.scorelab.suites.support.GradedFailure;

/**
 * Turns a test's failure into what the student reads: a failed check's message and facts, or the exception their code
 * threw with the stack frames of their own classes only (the suites' frames would show hidden tests' structure).
 * Everything here guards against a throwable whose methods themselves throw.
 */
final class Failures {
    static final int MAX_MESSAGE = 4_000;
    private static final int MAX_FRAMES = 8;

    private Failures() {
    }

    static void describe(Throwable failure, String fallback, ObjectNode event) {
        if (failure == null) {
            event.put("status", "ERROR").put("message", "the test did not pass (" + fallback + ")");
            return;
        }
        boolean check = failure instanceof AssertionError;
        event.put("status", check ? "FAILED" : "ERROR");
        String message = safeMessage(failure);
        if (!check) {
            message = failure.getClass().getName() + (message.isEmpty() ? "" : ": " + message) + studentFrames(failure);
            if ("set-up failed".equals(fallback)) {
                message = "The test class's set-up failed: " + message;
            }
        }
        event.put("message", cap(message));
        if (failure instanceof GradedFailure g) {
            ObjectNode details = event.putObject("details");
            details.put("task", g.task()).put("check", g.check()).put("tolerance", g.tolerance())
                .put("likelyMistake", g.likelyMistake());
            value(g, true).ifPresent(v -> details.put("expected", cap(v)));
            value(g, false).ifPresent(v -> details.put("found", cap(v)));
        }
    }

    private static java.util.Optional<String> value(AssertionFailedError e, boolean expected) {
        try {
            var v = expected ? e.getExpected() : e.getActual();
            return v == null ? java.util.Optional.empty() : java.util.Optional.of(render(v.getValue(), v.getStringRepresentation()));
        } catch (RuntimeException ex) {
            return java.util.Optional.empty();
        }
    }

    /**
     * A check's expected or found value as data a report can show: a vector's entries (JUnit's own representation of
     * an array is its identity, {@code [D@2bf6be5d}), anything else as JUnit represents it.
     */
    static String render(Object value, String represented) {
        if (value instanceof double[] d) {
            return java.util.Arrays.toString(d);
        } else if (value instanceof float[] f) {
            return java.util.Arrays.toString(f);
        } else if (value instanceof int[] i) {
            return java.util.Arrays.toString(i);
        } else if (value instanceof long[] l) {
            return java.util.Arrays.toString(l);
        } else if (value instanceof Object[] o) {
            return java.util.Arrays.deepToString(o);
        }
        return represented;
    }

    private static String safeMessage(Throwable t) {
        try {
            String m = t.getMessage();
            return m == null ? "" : m;
        } catch (RuntimeException | StackOverflowError e) {
            return "(the exception's message could not be read)";
        }
    }

    /** The frames of the student's packages (an assignment's {@code org.scorelab.dsm}, not its api). */
    private static String studentFrames(Throwable t) {
        StackTraceElement[] trace;
        try {
            trace = t.getStackTrace();
        } catch (RuntimeException e) {
            return "";
        }
        String frames = Arrays.stream(trace).filter(Failures::isStudentFrame).limit(MAX_FRAMES)
            .map(f -> "\n    at " + f).collect(Collectors.joining());
        Throwable cause = t.getCause();
        if (frames.isEmpty() && cause != null && cause != t) {
            return "\n  caused by " + cause.getClass().getName() + ": " + safeMessage(cause) + studentFrames(cause);
        }
        return frames;
    }

    static boolean isStudentFrame(StackTraceElement f) {
        String c = f.getClassName();
        int dot = c.lastIndexOf('.');
        String pkg = dot < 0 ? "" : c.substring(0, dot);
        return Course.installed().owning(pkg).isPresent();
    }

    static String cap(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "\n... (message cut at " + MAX_MESSAGE + " characters)";
    }
}
