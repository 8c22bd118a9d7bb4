package org.scorelab.ebm.models;

import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.ScoreModel;
import org.scorelab.nn.Activation;
import org.scorelab.nn.Mlp;
import org.scorelab.nn.Sequential;
import org.scorelab.random.Rng;

/**
 * An MLP score model s(x): R^2 -> R^2, by default 2 -> 64 -> 64 -> 2 with SiLU activations (4,482 parameters). Its
 * output is the SCORE grad_x log p(x) = -grad_x f(x), pointing towards higher density. SiLU is smooth, so ds/dx is
 * differentiable with respect to the weights (implicit score matching needs it).
 */
public final class MlpScore extends MlpModel implements ScoreModel {
    /** Wraps {@code network}, which must map [n, 2] to [n, 2]. */
    public MlpScore(Sequential network) {
        super(network);
    }

    /** The default architecture, initialised from {@code rng}. */
    public static MlpScore create(Rng rng) {
        return new MlpScore(Mlp.input(2).hidden(64, 64).activation(Activation.SILU).output(2).build(rng));
    }

    @Override
    public Tensor score(Tensor x) {
        return forward(x);
    }
}
