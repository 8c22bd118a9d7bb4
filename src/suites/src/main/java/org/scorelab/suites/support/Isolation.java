package org.scorelab.suites.support;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One mistake costs once (issue 16): a check of one task that has to call student code which in turn calls another
 * task's student code (Task 3.3's random-level loss calls the student's perturb of Task 3.1) runs that code here, on a
 * worker thread with a deadline. If it threw, or was still running at the deadline, inside the other task's code, the
 * check learns so ({@link Blocked}) instead of failing its own task: the other task's own checks report the problem.
 */
public final class Isolation {
    /** The code under check stopped inside another task's code: it threw there, or never returned from it. */
    public static final class Blocked extends RuntimeException {
        private final String task;

        Blocked(String task, String what) {
            super(what, null, false, false);
            this.task = task;
        }

        /** The task whose code the call stopped in. */
        public String task() {
            return task;
        }
    }

    private Isolation() {
    }

    /**
     * Runs {@code body} for at most {@code seconds} on a worker thread and returns its result, or rethrows its exception
     * unchanged.
     *
     * @param task the task under check, named in a failure when its own code does not return in time
     * @param otherTasks the student classes of other tasks (by class), each with its task
     * @throws Blocked if the body threw, or was still running at the deadline, in a method of one of {@code otherTasks}
     *     (the innermost frame of a student class decides)
     */
    public static <T> T run(String task, double seconds, Supplier<T> body, Map<Class<?>, String> otherTasks) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                result.set(body.get());
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "scorelab-isolated-" + task);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            StackTraceElement[] trace = worker.getStackTrace();
            stop(worker);
            String other = innermostOtherTask(trace, otherTasks);
            if (other != null) {
                throw new Blocked(other, "it was still running after " + (int) seconds + " s in " + where(trace, otherTasks));
            }
            throw Feedback.of(task, "a call of your code").mismatch("a result within " + (int) seconds + " s",
                "still running" + studentFrame(trace), "an endless loop, or far more work than the task needs");
        }
        Throwable t = thrown.get();
        if (t == null) {
            return result.get();
        }
        String other = innermostOtherTask(t.getStackTrace(), otherTasks);
        if (other != null) {
            throw new Blocked(other, "it threw " + t + " in " + where(t.getStackTrace(), otherTasks));
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    /** Ends a worker stuck in student code (Thread.stop, where the JDK still has it); else it runs on as a daemon. */
    private static void stop(Thread worker) {
        worker.interrupt();
        try {
            Method stop = Thread.class.getMethod("stop");
            stop.invoke(worker);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JDK 20 and later: the thread is a daemon and ends with the JVM.
        }
    }

    /** A class of the student's submission: a member of org.scorelab.dsm or org.scorelab.ebm itself (not their api). */
    private static boolean isStudent(String className) {
        for (String p : new String[] {"org.scorelab.dsm.", "org.scorelab.ebm."}) {
            if (className.startsWith(p) && className.indexOf('.', p.length()) < 0) {
                return true;
            }
        }
        return false;
    }

    private static String outer(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    private static String innermostOtherTask(StackTraceElement[] trace, Map<Class<?>, String> otherTasks) {
        for (StackTraceElement e : trace) {
            String name = outer(e.getClassName());
            if (isStudent(name)) {
                for (Map.Entry<Class<?>, String> other : otherTasks.entrySet()) {
                    if (other.getKey().getName().equals(name)) {
                        return other.getValue();
                    }
                }
                return null;
            }
        }
        return null;
    }

    private static String where(StackTraceElement[] trace, Map<Class<?>, String> otherTasks) {
        for (StackTraceElement e : trace) {
            if (isStudent(outer(e.getClassName()))) {
                return e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName()
                    + " (Task " + innermostOtherTask(new StackTraceElement[] {e}, otherTasks) + ")";
            }
        }
        return "another task's code";
    }

    private static String studentFrame(StackTraceElement[] trace) {
        for (StackTraceElement e : trace) {
            if (isStudent(outer(e.getClassName()))) {
                return " in " + e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName()
                    + (e.getLineNumber() > 0 ? ", line " + e.getLineNumber() : "");
            }
        }
        return "";
    }
}
