package org.scorelab.suites.support;

import java.util.function.DoubleFunction;
import org.scorelab.autograd.Tensor;

/**
 * A loss as the one number it must be, and the check of its value on fixed inputs against a hand computation (Tasks
 * 1.3, 2.2, 3.1.1, 3.2.2 of ebm and 3.3 of dsm).
 */
public final class ScalarLoss {
    /**
     * Tolerance of a hand computation, 1e-12 + 1e-9 |expected|. False-fail argument: each loss is a fixed formula of the
     * sheet on a handful of fixed points with O(1) values, so any correct order of operations (expanded or not,
     * softplus or logsigmoid forms of NCE) agrees with the hand computation to ~1e-15 relative, a millionth of the
     * tolerance (docs/fairness.md, "1.3, 2.2, 3.2.2 hand computations" and "3.3 lossOnFixedInputs...").
     */
    private static final double ABSOLUTE = 1e-12;
    private static final double RELATIVE = 1e-9;

    private ScalarLoss() {
    }

    /** The loss's one value; fails unless it holds exactly one number (shape [1] once flattened). */
    public static double value(String task, Tensor loss) {
        return Checks.shape(task, "loss shape", loss.value().reshape(loss.value().length()), 1)[0];
    }

    /**
     * Fails unless {@code loss} on fixed inputs equals {@code expected}, computed by hand, to 1e-12 + 1e-9 |expected|.
     *
     * @param check         what was computed, e.g. "loss of a quadratic energy, 6 data points and 5 samples"
     * @param likelyMistake the likely mistake given the value found (e.g. the slip whose value it is)
     * @return the value found
     */
    public static double matchesHandComputation(String task, String check, double expected, Tensor loss,
                                                DoubleFunction<String> likelyMistake) {
        double found = value(task, loss);
        Checks.close(task, check, expected, found, ABSOLUTE, RELATIVE, likelyMistake.apply(found));
        return found;
    }
}
