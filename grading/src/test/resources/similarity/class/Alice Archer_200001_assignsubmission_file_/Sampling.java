package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.Generation;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.random.Rng;

/** Task 4.2: new samples from a trained model. */
public final class Sampling implements Generation {

    // start uniformly on [-0.5, 1.5]^2, which covers the three modes with a margin
    @Override
    public INDArray generate(EnergyModel model, double[] levels, int n, Rng rng) {
        LearnedModel learned = new LearnedModel();
        ScoreFunction score = (x, sigma) -> learned.scoreOf(model, x, sigma);
        INDArray start = rng.uniform(-0.5, 1.5, n, 2);
        return new AnnealedLangevin().sample(score, start, levels, rng);
    }
}
