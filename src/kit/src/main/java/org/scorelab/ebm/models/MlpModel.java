package org.scorelab.ebm.models;

import java.util.List;
import org.scorelab.autograd.Tensor;
import org.scorelab.nn.Sequential;

/** What the kit's MLP energy and MLP score share: the network, its parameters and access to it. */
abstract class MlpModel {
    private final Sequential network;

    MlpModel(Sequential network) {
        this.network = network;
    }

    /** The network's output for points x, shape [n, 2]. */
    final Tensor forward(Tensor x) {
        return network.forward(x);
    }

    public List<Tensor> parameters() {
        return network.parameters();
    }

    /** The network, e.g. to save its parameters with {@link org.scorelab.nn.Parameters}. */
    public Sequential network() {
        return network;
    }
}
