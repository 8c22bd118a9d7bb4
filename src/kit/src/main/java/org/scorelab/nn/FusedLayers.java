package org.scorelab.nn;

import java.util.ArrayList;
import java.util.List;
import org.scorelab.autograd.FusedMlp;
import org.scorelab.autograd.Tensor;

/**
 * A {@link Sequential} of Linear layers, each followed by at most one {@link Activation} (what {@link Mlp} builds),
 * evaluated as one fused graph node ({@link FusedMlp}) instead of layer by layer; the same values and derivatives.
 */
final class FusedLayers {
    /** {@code -Dscorelab.fusedMlp=false} evaluates every Sequential layer by layer (to compare, or to profile). */
    static final boolean ENABLED = !"false".equals(System.getProperty("scorelab.fusedMlp"));

    private final Tensor[] weights;
    private final Tensor[] biases;
    private final FusedMlp.Phi[] phis;
    private final long inputs;

    private FusedLayers(Tensor[] weights, Tensor[] biases, FusedMlp.Phi[] phis) {
        this.weights = weights;
        this.biases = biases;
        this.phis = phis;
        this.inputs = weights[0].size(1);
    }

    /** The fused form of {@code layers}, or null if they are not Linear layers each followed by at most one activation of matching sizes. */
    static FusedLayers of(List<Module> layers) {
        List<Linear> linears = new ArrayList<>();
        List<FusedMlp.Phi> phis = new ArrayList<>();
        for (Module layer : layers) {
            if (layer instanceof Linear linear) {
                if (!linears.isEmpty() && linears.get(linears.size() - 1).outputs() != linear.inputs()) {
                    return null;
                }
                linears.add(linear);
                phis.add(FusedMlp.Phi.NONE);
            } else if (layer instanceof Activation activation && !phis.isEmpty()
                && phis.get(phis.size() - 1) == FusedMlp.Phi.NONE) {
                phis.set(phis.size() - 1, activation.phi());
            } else {
                return null;
            }
        }
        return new FusedLayers(linears.stream().map(Linear::weight).toArray(Tensor[]::new),
            linears.stream().map(Linear::bias).toArray(Tensor[]::new), phis.toArray(FusedMlp.Phi[]::new));
    }

    /** Whether {@code input} is a batch this network takes; otherwise the layers say what is wrong. */
    boolean accepts(Tensor input) {
        return input.rank() == 2 && input.size(1) == inputs && input.size(0) >= 1;
    }

    Tensor forward(Tensor input) {
        return FusedMlp.forward(input, weights, biases, phis);
    }
}
