package org.scorelab.suites.dsm;

import java.util.List;
import org.scorelab.autograd.Tensor;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.nn.Activation;
import org.scorelab.nn.Mlp;
import org.scorelab.nn.Sequential;
import org.scorelab.random.Rng;

/**
 * A well-conditioned energy network owned by the suites, f(x, sigma) = g(x, log sigma) / sigma with g an MLP
 * 3 -> 64 -> 64 -> 1 (ELU), so that the training task is graded on the training loop, not on the student's network.
 */
final class SuiteNetwork implements EnergyModel {
    private final Sequential g;

    SuiteNetwork(Rng rng) {
        g = Mlp.input(3).hidden(64, 64).activation(Activation.ELU).output(1).build(rng);
    }

    @Override
    public Tensor energy(Tensor x, Tensor sigma) {
        return g.forward(Tensor.concat(1, x, sigma.log())).div(sigma);
    }

    @Override
    public List<Tensor> parameters() {
        return g.parameters();
    }

    @Override
    public long parameterCount() {
        return g.parameterCount();
    }
}
