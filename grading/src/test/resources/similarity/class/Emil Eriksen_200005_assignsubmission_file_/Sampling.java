package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.Generation;
import org.scorelab.random.Rng;

/** Task 4.2: new samples from a trained model. */
public final class Sampling implements Generation {

    @Override
    public INDArray generate(EnergyModel model, double[] levels, int n, Rng rng) {
        INDArray uniformStart = rng.uniform(-0.25, 1.25, n, 2);
        AnnealedLangevin sampler = new AnnealedLangevin();
        LearnedModel learnedModel = new LearnedModel();
        return sampler.sample((points, sigma) -> learnedModel.scoreOf(model, points, sigma), uniformStart, levels,
            sampler.epsilon(), sampler.stepsPerLevel(), rng);
    }
}
