package org.scorelab.dsm;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.Inputs;

/** Shape checks at the tasks' public boundary, failing with the task and both shapes. */
final class Shapes {
    private Shapes() {
    }

    /** Checks that {@code x} is a batch of 2D points, shape [n, 2], and returns n. */
    static int points(String task, String name, INDArray x) {
        return Inputs.points(task, name, x);
    }

    /** The values of {@code x} in row-major order. */
    static double[] flat(INDArray x) {
        return x.dup('c').data().asDouble();
    }

    /** Checks that {@code sigmas} holds one positive noise level per point, shape [n, 1]. */
    static void levels(String task, INDArray sigmas, int n) {
        if (sigmas == null || sigmas.rank() != 2 || sigmas.size(0) != n || sigmas.size(1) != 1) {
            throw new IllegalArgumentException("Task " + task + ": sigmas must have shape [" + n + ", 1], got "
                + (sigmas == null ? "null" : Arrays.toString(sigmas.shape())));
        }
        if (sigmas.minNumber().doubleValue() <= 0) {
            throw new IllegalArgumentException("Task " + task + ": every noise level must be positive");
        }
    }
}
