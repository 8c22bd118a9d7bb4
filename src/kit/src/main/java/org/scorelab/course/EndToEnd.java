package org.scorelab.course;

import java.util.ServiceLoader;

/**
 * An assignment's end-to-end run of a given implementation, registered as a {@link ServiceLoader} service so that the
 * assignment's api can offer its entry point ({@code DsmRun.main(solution, args)}, which the template's launcher
 * calls) without depending on the runner's packages: the api stays the contract, with no package cycle.
 *
 * @param <S> the assignment's solution interface
 */
public interface EndToEnd<S> {
    /** The solution interface this run takes. */
    Class<S> solutionType();

    /** Runs {@code solution} end to end, printing what it finds; {@code args} as the launcher's. */
    void run(S solution, String[] args);

    /**
     * Runs {@code solution} with the registered run of {@code type}.
     *
     * @throws IllegalStateException if no run of {@code type} is registered
     */
    static <S> void run(Class<S> type, S solution, String[] args) {
        for (EndToEnd<?> e : ServiceLoader.load(EndToEnd.class, type.getClassLoader())) {
            if (e.solutionType().equals(type)) {
                @SuppressWarnings("unchecked")
                EndToEnd<S> run = (EndToEnd<S>) e;
                run.run(solution, args);
                return;
            }
        }
        throw new IllegalStateException("no end-to-end run of " + type.getName() + " is registered");
    }
}
