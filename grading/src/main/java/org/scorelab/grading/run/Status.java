package org.scorelab.grading.run;

/** How a graded test ended. Only {@link #PASSED} earns points. */
public enum Status {
    PASSED,
    /** A check failed (an assertion). */
    FAILED,
    /** The student's code threw (not implemented, a null pointer, a wrong shape...). */
    ERROR,
    /** The test ran past its time limit, or the submission past its own; the JVM was killed. */
    TIMED_OUT,
    /** The JVM died during the test: System.exit, out of memory, a native crash. */
    CRASHED,
    /** Never ran: the submission's time ran out, or its JVM kept crashing. */
    NOT_RUN
}
