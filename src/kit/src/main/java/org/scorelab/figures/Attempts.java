package org.scorelab.figures;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.scorelab.assignment.Attempt;

/**
 * Runs the steps behind a set of figures, each under its task number, so a task that is not implemented yet (or that
 * fails) costs only the figures that need it: the page shows a note saying which task is missing and why.
 */
public final class Attempts {
    private final Map<String, String> problems = new LinkedHashMap<>();

    /** The value of {@code step} of {@code task}, or null (after recording and printing why) if it could not run. */
    public <T> T run(String task, Supplier<T> step) {
        Attempt<T> a = Attempt.of(step);
        if (a instanceof Attempt.Done<T> d && d.value() == null) {
            record(task, "Task " + task + " returned null.");
        } else if (a instanceof Attempt.Missing<T> m) {
            record(m.task(), "Task " + m.task() + " is not implemented yet: this figure is skipped.");
        } else if (a instanceof Attempt.Failed<T> f) { // a broken task must not stop the figures of the others
            RuntimeException e = f.error();
            record(task, "Task " + task + " failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return a.orNull();
    }

    /** A note panel titled {@code title} that says which of {@code tasks} could not run, and why. */
    public Panel note(String title, String... tasks) {
        StringBuilder text = new StringBuilder();
        for (String task : tasks) {
            String problem = problems.get(task);
            if (problem != null) {
                text.append(text.length() > 0 ? "\n" : "").append(problem);
            }
        }
        return Panel.note(title, text.length() > 0 ? text.toString() : "Needs tasks " + String.join(", ", tasks) + ".");
    }

    private void record(String task, String problem) {
        problems.putIfAbsent(task, problem);
        System.out.println("  " + problem);
    }
}
