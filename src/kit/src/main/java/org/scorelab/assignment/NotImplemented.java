package org.scorelab.assignment;

/**
 * Thrown by a task of the student template that has not been written yet. The suites report it as
 * "not implemented: Task 3.3" and give that task no points, without affecting the others. Task numbers restart in
 * each sheet, so the exception also knows its assignment (the package of the class that threw it) and a
 * {@link #key()}, "dsm 3.3", that is unique across the course, as the score preview and the reports key tasks.
 */
public final class NotImplemented extends UnsupportedOperationException {
    private final String task;
    private final String assignment;

    /** @param task the task number of the sheet, e.g. "3.3" */
    public NotImplemented(String task) {
        super("not implemented: Task " + task);
        this.task = task;
        StackTraceElement[] trace = getStackTrace();
        this.assignment = trace.length == 0 ? "" : assignmentOf(trace[0].getClassName());
    }

    /** The task number of the sheet, e.g. "3.3". */
    public String task() {
        return task;
    }

    /** The assignment whose task this is, e.g. "dsm" for a task of {@code org.scorelab.dsm}; "" if not known. */
    public String assignment() {
        return assignment;
    }

    /** The task's name across the course, e.g. "dsm 3.3" (the task alone if the assignment is not known). */
    public String key() {
        return assignment.isEmpty() ? task : assignment + " " + task;
    }

    /** "dsm" for {@code org.scorelab.dsm.GaussianMixture} (and its nested classes); "" outside an assignment's package. */
    static String assignmentOf(String className) {
        String[] parts = className.split("\\.");
        return parts.length == 4 && parts[0].equals("org") && parts[1].equals("scorelab") ? parts[2] : "";
    }
}
