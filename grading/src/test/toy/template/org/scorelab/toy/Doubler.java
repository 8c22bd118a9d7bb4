package org.scorelab.toy;

import org.scorelab.assignment.NotImplemented;

/** Task 1.1. */
public final class Doubler {
    /** Twice {@code x}. */
    public double twice(double x) {
        throw new NotImplemented("1.1");
    }
}
