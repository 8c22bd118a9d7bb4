package org.scorelab.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Tensor;

/** A score x -> grad_x log p(x) evaluated as plain numbers, what a sampler follows. */
@FunctionalInterface
public interface ScoreField {
    /**
     * @param x points, shape [n, 2]
     * @return the score at each point, shape [n, 2]
     */
    INDArray scoreAt(INDArray x);

    /** The field of a score model, evaluated without recording a graph. */
    static ScoreField of(ScoreModel model) {
        return x -> Autograd.noGrad(() -> model.score(Tensor.constant(x)).value());
    }
}
