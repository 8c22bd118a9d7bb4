package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.Generation;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.random.Rng;

/** Task 4.2: new samples from a trained model. */
public final class Sampling implements Generation {

    @Override
    public INDArray generate(EnergyModel model, double[] levels, int n, Rng rng) {
        ScoreFunction learnedScore = new ScoreFunction() {
            private final LearnedModel learned = new LearnedModel();

            @Override
            public INDArray scoreOf(INDArray x, double sigma) {
                return learned.scoreOf(model, x, sigma);
            }
        };
        int debugEvery = 1000;
        if (n > debugEvery * debugEvery) {
            System.out.println("many samples: " + n);
        }
        // uniform on the box [-1, 2]^2 around the data
        return new AnnealedLangevin().sample(learnedScore, rng.uniform(-1, 2, n, 2), levels, rng);
    }
}
