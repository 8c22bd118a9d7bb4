package org.scorelab.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scorelab.autograd.FusedMlp.Phi;

/**
 * The fused MLP's derivatives when they must be recorded beyond what {@link MlpDerivatives} writes by hand: the
 * network is rebuilt from the ordinary operations ({@code x.matmulTransposed(W).add(b)}, then the activation, as
 * {@code Linear} and {@code Activation} compute it) and that graph is differentiated, so every order works.
 * Inputs and gradients are indexed as the fused node's: 0 is x, 1 + 2k is W_k, 2 + 2k is b_k.
 */
final class Unfused {
    private Unfused() {
    }

    /** The network as ordinary recorded operations on the node's inputs. */
    static Tensor forward(Phi[] phis, Tensor[] inputs, Tensor x) {
        Tensor h = x;
        for (int k = 0; k < phis.length; k++) {
            h = activate(phis[k], h.matmulTransposed(inputs[1 + 2 * k]).add(inputs[2 + 2 * k]));
        }
        return h;
    }

    static Tensor activate(Phi phi, Tensor z) {
        switch (phi) {
            case NONE:
                return z;
            case ELU:
                return z.elu();
            case TANH:
                return z.tanh();
            case SILU:
                return z.silu();
            case SOFTPLUS:
                return z.softplus();
            case SIGMOID:
                return z.sigmoid();
            default:
                throw new IllegalStateException("unknown activation " + phi);
        }
    }

    /** The recorded gradients of &lt;g, y&gt; in the needed inputs. */
    static Tensor[] vectorJacobian(Phi[] phis, Tensor[] inputs, Tensor g, boolean[] needed) {
        Tensor[] withG = gradients(forward(phis, inputs, inputs[0]), g, inputs, null, needed);
        return Arrays.copyOfRange(withG, 1, withG.length);
    }

    /** The recorded gradients of &lt;u, J_x^T g&gt;: g's first (null unless {@code neededG}), then the needed inputs'. */
    static Tensor[] differentiateVectorJacobian(Phi[] phis, Tensor[] inputs, Tensor g, Tensor u, boolean neededG,
                                                boolean[] needed) {
        Tensor x = inputs[0].requiresGrad() ? inputs[0] : Tensor.variable(inputs[0].value());
        Tensor y = forward(phis, inputs, x);
        Tensor xbar = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, new Tensor[] {g}, true, true)[0];
        return gradients(xbar, u, inputs, neededG ? g : null, needed);
    }

    /** Gradients of &lt;seed, out&gt;: {@code extra}'s (null if not given), then one per input, null where not needed. */
    private static Tensor[] gradients(Tensor out, Tensor seed, Tensor[] inputs, Tensor extra, boolean[] needed) {
        List<Tensor> targets = new ArrayList<>();
        List<Integer> position = new ArrayList<>();
        if (extra != null) {
            targets.add(extra);
            position.add(0);
        }
        for (int j = 0; j < needed.length; j++) {
            if (needed[j]) {
                targets.add(inputs[j]);
                position.add(j + 1);
            }
        }
        Tensor[] grads = new Tensor[needed.length + 1];
        if (targets.isEmpty() || !out.requiresGrad()) {
            return grads;
        }
        Tensor[] found = Autograd.grad(new Tensor[] {out}, targets.toArray(Tensor[]::new), new Tensor[] {seed}, true, true);
        for (int i = 0; i < found.length; i++) {
            grads[position.get(i)] = found[i];
        }
        return grads;
    }
}
