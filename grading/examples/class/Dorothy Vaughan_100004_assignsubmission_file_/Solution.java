package org.scorelab.dsm;

import org.scorelab.dsm.api.DenoisingObjective;
import org.scorelab.dsm.api.DsmSolution;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.Generation;
import org.scorelab.dsm.api.LangevinSampler;
import org.scorelab.dsm.api.LearnedScores;
import org.scorelab.dsm.api.MixtureData;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.dsm.api.Perturbation;
import org.scorelab.dsm.api.PerturbedMixtureScores;
import org.scorelab.random.Rng;

/** Connects this assignment's classes to the suites (registered in META-INF/services). Not a task: leave as is. */
public final class Solution implements DsmSolution {
    @Override
    public MixtureData mixture(MixtureSpec spec) {
        return new GaussianMixture(spec);
    }

    @Override
    public Perturbation perturbation() {
        return new NoiseSchedule();
    }

    @Override
    public EnergyModel energyNetwork(Rng rng) {
        return new EnergyNetwork(rng);
    }

    @Override
    public DenoisingObjective objective() {
        return new DenoisingScoreMatching();
    }

    @Override
    public PerturbedMixtureScores analyticScores(MixtureSpec spec) {
        return new AnalyticScores(spec);
    }

    @Override
    public LearnedScores learnedScores() {
        return new LearnedModel();
    }

    @Override
    public LangevinSampler sampler() {
        return new AnnealedLangevin();
    }

    @Override
    public Generation generation() {
        return new Sampling();
    }
}
