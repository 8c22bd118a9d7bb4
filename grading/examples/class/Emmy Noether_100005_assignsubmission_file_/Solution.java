package org.scorelab.ebm;

import org.scorelab.ebm.api.DenoisingScoreMatching;
import org.scorelab.ebm.api.EbmSolution;
import org.scorelab.ebm.api.ImplicitScoreMatching;
import org.scorelab.ebm.api.LangevinSampler;
import org.scorelab.ebm.api.MaximumLikelihood;
import org.scorelab.ebm.api.NoiseContrastive;

/** The ebm assignment's entry point for the suites (registered in META-INF/services). */
public final class Solution implements EbmSolution {
    @Override
    public LangevinSampler sampler() {
        return new Langevin();
    }

    @Override
    public MaximumLikelihood maximumLikelihood() {
        return new MaximumLikelihoodTraining();
    }

    @Override
    public NoiseContrastive noiseContrastive() {
        return new NoiseContrastiveEstimation();
    }

    @Override
    public ImplicitScoreMatching implicitScoreMatching() {
        return new ImplicitScoreMatchingTraining();
    }

    @Override
    public DenoisingScoreMatching denoisingScoreMatching() {
        return new DenoisingScoreMatchingTraining();
    }
}
