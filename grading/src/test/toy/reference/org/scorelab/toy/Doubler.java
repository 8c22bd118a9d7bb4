package org.scorelab.toy;

/** Task 1.1. */
public final class Doubler {
    /** Twice {@code x}. */
    public double twice(double x) {
        return 2 * x;
    }
}
