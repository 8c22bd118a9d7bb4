package org.scorelab.assignment;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks of a task's inputs at its public boundary, failing in a full sentence that names the task and both shapes. */
public final class Inputs {
    private Inputs() {
    }

    /**
     * Checks that {@code x} is a batch of 2D points, shape [n, 2] with n at least 1, and returns n.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static int points(String task, String name, INDArray x) {
        if (x == null || x.rank() != 2 || x.size(1) != 2 || x.size(0) < 1) {
            throw new IllegalArgumentException("Task " + task + ": " + name + " must have shape [n, 2] with n >= 1, got "
                + (x == null ? "null" : Arrays.toString(x.shape())));
        }
        return (int) x.size(0);
    }

    /**
     * Checks that {@code value} is positive and finite.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static double positive(String task, String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("Task " + task + ": " + name + " must be positive and finite, got " + value);
        }
        return value;
    }
}
