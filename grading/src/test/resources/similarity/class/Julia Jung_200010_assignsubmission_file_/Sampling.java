package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.Generation;
import org.scorelab.random.Rng;

/** Task 4.2: new samples from a trained model. */
public final class Sampling implements Generation {

    // uniform start on [-0.25, 1.25]^2, then the sampler of 4.1 with the learned score
    @Override
    public INDArray generate(EnergyModel model, double[] levels, int n, Rng rng) {
        AnnealedLangevin langevin = new AnnealedLangevin();
        LearnedModel net = new LearnedModel();
        INDArray init = rng.uniform(-0.25, 1.25, n, 2);
        return langevin.sample((p, s) -> net.scoreOf(model, p, s), init, levels, langevin.epsilon(), langevin.stepsPerLevel(), rng);
    }
}
