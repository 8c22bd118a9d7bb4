package org.scorelab.assignment;

import java.util.function.Supplier;

/**
 * What became of one step of an assignment's run or figures: its value, a task not implemented yet, or a failure. The
 * one rule the runners and the figures share: a missing or broken task costs only what needs it, the rest goes on.
 *
 * @param <T> the step's value
 */
public sealed interface Attempt<T> {
    /** The step ran and gave {@code value} (possibly null). */
    record Done<T>(T value) implements Attempt<T> {
    }

    /** The step needed {@code task} (its number in the sheet), which is not implemented yet. */
    record Missing<T>(String task) implements Attempt<T> {
    }

    /** The step threw {@code error}. */
    record Failed<T>(RuntimeException error) implements Attempt<T> {
    }

    /** Runs {@code step}: a {@link NotImplemented} is {@link Missing}, any other runtime exception {@link Failed}. */
    static <T> Attempt<T> of(Supplier<T> step) {
        try {
            return new Done<>(step.get());
        } catch (NotImplemented e) {
            return new Missing<>(e.task());
        } catch (RuntimeException e) {
            return new Failed<>(e);
        }
    }

    /** The value, or null if the step did not run to its end. */
    default T orNull() {
        return this instanceof Done<T> d ? d.value() : null;
    }
}
