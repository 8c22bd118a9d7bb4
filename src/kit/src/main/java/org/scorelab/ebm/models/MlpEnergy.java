package org.scorelab.ebm.models;

import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.nn.Activation;
import org.scorelab.nn.Mlp;
import org.scorelab.nn.Sequential;
import org.scorelab.random.Rng;

/**
 * An MLP energy f(x): R^2 -> R, by default 2 -> 64 -> 64 -> 1 with SiLU activations (4,417 parameters). Its output is
 * the ENERGY: p(x) ~ exp(-f(x)), the score is -grad_x f. SiLU is smooth, so grad_x f is itself differentiable.
 */
public final class MlpEnergy extends MlpModel implements EnergyModel {
    /** Wraps {@code network}, which must map [n, 2] to [n, 1]. */
    public MlpEnergy(Sequential network) {
        super(network);
    }

    /** The default architecture, initialised from {@code rng}. */
    public static MlpEnergy create(Rng rng) {
        return new MlpEnergy(Mlp.input(2).hidden(64, 64).activation(Activation.SILU).output(1).build(rng));
    }

    @Override
    public Tensor energy(Tensor x) {
        return forward(x);
    }
}
