package org.scorelab.optim;

import java.util.function.IntFunction;
import org.scorelab.autograd.Tensor;

/**
 * The training loop every method shares: for each iteration, evaluate the method's loss, back-propagate and update.
 * Methods differ only in the loss they supply (maximum likelihood, NCE, implicit or denoising score matching).
 * Progress (iteration, loss, ETA) shows on the terminal when there is one ({@link TrainingProgress}).
 */
public final class TrainingLoop {
    private TrainingLoop() {
    }

    /**
     * Minimises {@code lossAt} for {@code iterations} steps of {@code optimizer}.
     *
     * @param lossAt the loss of iteration k (it draws its own batch), one element
     * @return the loss of every iteration, before its update
     * @throws IllegalStateException naming the iteration, if a loss is NaN or infinite
     */
    public static double[] minimise(Optimizer optimizer, int iterations, IntFunction<Tensor> lossAt) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }
        double[] history = new double[iterations];
        try (TrainingProgress progress = TrainingProgress.start("training", iterations)) {
            for (int k = 0; k < iterations; k++) {
                int iteration = k;
                try {
                    history[k] = optimizer.step(() -> lossAt.apply(iteration));
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("training diverged at iteration " + (k + 1) + " of " + iterations + ": "
                        + e.getMessage(), e);
                }
                progress.step(history[k]);
            }
        }
        return history;
    }
}
