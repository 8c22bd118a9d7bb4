package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.LearnedScores;

/** Task 3.5: a trained energy model read as an unnormalised density and a score. */
public final class LearnedModel implements LearnedScores {

    /**
     * TODO Task 3.5: the density up to its normaliser, from the energy (say how in your report), with every point's
     * noise level set to {@code sigma}: points [n, 2] -> [n].
     */
    @Override
    public INDArray unnormalisedDensity(EnergyModel model, INDArray x, double sigma) {
        throw new NotImplemented("3.5");
    }

    /** TODO Task 3.5: the model's score at noise level {@code sigma}: points [n, 2] -> [n, 2]. */
    @Override
    public INDArray scoreOf(EnergyModel model, INDArray x, double sigma) {
        throw new NotImplemented("3.5");
    }
}
