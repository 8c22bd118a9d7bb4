package org.scorelab.assignment;

/**
 * Thrown by a task of the student template that has not been written yet. The suites report it as
 * "not implemented: Task 3.3" and give that task no points, without affecting the others.
 */
public final class NotImplemented extends UnsupportedOperationException {
    private final String task;

    /** @param task the task number of the sheet, e.g. "3.3" */
    public NotImplemented(String task) {
        super("not implemented: Task " + task);
        this.task = task;
    }

    public String task() {
        return task;
    }
}
