package org.scorelab.dsm;

import java.util.List;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.autograd.Tensor;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.random.Rng;

/**
 * Task 3.2: the noise-conditional energy f(x, sigma): R^3 -> R, a small network of linear layers and twice
 * differentiable activations, fed the point stacked with its noise level, (x, sigma).
 *
 * <p>TODO Task 3.2: state the architecture and its number of parameters here and in your report, and why the
 * activations must be twice differentiable. The kit's {@link org.scorelab.nn.Mlp} builds such a network.
 *
 * <p>Hints that were measured to matter: feed log(sigma) rather than sigma (the levels are geometric: as raw numbers
 * the small ones all look like 0), and map both inputs linearly onto a range of a few units such as [-2, 2] (a fresh
 * linear layer barely changes across an input of width 1, so narrow modes take many iterations to learn). Dividing the
 * network's output by sigma keeps grad_x f of the same size at every level.
 */
public final class EnergyNetwork implements EnergyModel {

    /** TODO Task 3.2: build the network, initialised from {@code rng} only. */
    public EnergyNetwork(Rng rng) {
        throw new NotImplemented("3.2");
    }

    /**
     * TODO Task 3.2: the energies of the points at their noise levels.
     *
     * @param x points, shape [n, 2]
     * @param sigma noise levels, shape [n, 1]
     * @return shape [n, 1]
     */
    @Override
    public Tensor energy(Tensor x, Tensor sigma) {
        throw new NotImplemented("3.2");
    }

    /** TODO Task 3.2: the learnable parameters. */
    @Override
    public List<Tensor> parameters() {
        throw new NotImplemented("3.2");
    }

    /** TODO Task 3.2: the number of learnable scalars. */
    @Override
    public long parameterCount() {
        throw new NotImplemented("3.2");
    }
}
