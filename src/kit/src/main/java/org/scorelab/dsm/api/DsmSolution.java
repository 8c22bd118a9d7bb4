package org.scorelab.dsm.api;

import java.util.List;
import java.util.ServiceLoader;
import org.scorelab.random.Rng;

/**
 * An implementation of the {@code dsm} assignment: the entry point through which the suites reach the student's
 * (or the reference's) classes. Exactly one is registered, as a {@link ServiceLoader} service, by the class
 * {@code org.scorelab.dsm.Solution} that the template provides.
 */
public interface DsmSolution {
    /** Task 1.1. */
    MixtureData mixture(MixtureSpec spec);

    /** Task 3.1. */
    Perturbation perturbation();

    /** Task 3.2: a freshly initialised network. */
    EnergyModel energyNetwork(Rng rng);

    /** Task 3.3. */
    DenoisingObjective objective();

    /** Task 3.4. */
    PerturbedMixtureScores analyticScores(MixtureSpec spec);

    /** Task 3.5. */
    LearnedScores learnedScores();

    /** Task 4.1. */
    LangevinSampler sampler();

    /** Task 4.2. */
    Generation generation();

    /**
     * The implementation on the class path.
     *
     * @throws IllegalStateException if there is none, or more than one
     */
    static DsmSolution load() {
        org.scorelab.autograd.Precision.useDouble();
        List<DsmSolution> found = ServiceLoader.load(DsmSolution.class).stream().map(ServiceLoader.Provider::get).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected exactly one implementation of the dsm assignment on the class path, found "
                + found.size() + (found.isEmpty() ? ": is the class org.scorelab.dsm.Solution and its file "
                + "META-INF/services/org.scorelab.dsm.api.DsmSolution missing?" : ": " + found));
        }
        return found.get(0);
    }
}
