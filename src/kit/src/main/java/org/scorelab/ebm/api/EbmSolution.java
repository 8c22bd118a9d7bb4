package org.scorelab.ebm.api;

import java.util.List;
import java.util.ServiceLoader;

/**
 * An implementation of the {@code ebm} assignment: the entry point through which the suites reach the student's (or
 * the reference's) classes. Exactly one is registered, as a {@link ServiceLoader} service, by the class
 * {@code org.scorelab.ebm.Solution} that the template provides.
 */
public interface EbmSolution {
    /** Task 1.3: the Langevin sampler. */
    LangevinSampler sampler();

    /** Task 1.3: maximum likelihood loss and training. */
    MaximumLikelihood maximumLikelihood();

    /** Task 2.2: noise-contrastive estimation. */
    NoiseContrastive noiseContrastive();

    /** Task 3.1.1: implicit score matching. */
    ImplicitScoreMatching implicitScoreMatching();

    /** Task 3.2.2: denoising score matching. */
    DenoisingScoreMatching denoisingScoreMatching();

    /**
     * The implementation on the class path.
     *
     * @throws IllegalStateException if there is none, or more than one
     */
    static EbmSolution load() {
        org.scorelab.autograd.Precision.useDouble();
        List<EbmSolution> found = ServiceLoader.load(EbmSolution.class).stream().map(ServiceLoader.Provider::get).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected exactly one implementation of the ebm assignment on the class path, found "
                + found.size() + (found.isEmpty() ? ": is the class org.scorelab.ebm.Solution and its file "
                + "META-INF/services/org.scorelab.ebm.api.EbmSolution missing?" : ": " + found));
        }
        return found.get(0);
    }
}
