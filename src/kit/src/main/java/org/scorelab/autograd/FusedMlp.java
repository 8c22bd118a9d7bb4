package org.scorelab.autograd;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A whole multilayer perceptron (Linear layers, each followed by an activation or by none) recorded as one graph
 * node, for {@link org.scorelab.nn.Sequential}: the kit's machinery, not part of the course's API.
 *
 * <p>Why: a training step of the dsm network recorded about 90 small ND4J operations for its network, and on the
 * course machine each costs ~40 us whatever its size (docs/performance.md, "The profile"). Fused, the forward pass
 * is one node (gemm products, bias and activation derivatives in Java loops, {@link MlpLayers}); its backward is
 * written by hand ({@link MlpDerivatives}); when that backward must itself be differentiated (createGraph, as in
 * score matching, which differentiates grad_x f), the x-gradient is a second node whose derivative is written by
 * hand too. Anything beyond (a third derivative, or parameter gradients with createGraph) rebuilds the network from
 * the ordinary recorded operations and differentiates those, so {@link Autograd} works to any order as before.
 *
 * <p>Exactness: values and first derivatives use the recorded operations' arithmetic in the same order (equal to the
 * bit); second derivatives are the same terms summed in another order (FusedMlpProperties: a few 1e-15 relative
 * typically, at most 9e-14 seen).
 */
public final class FusedMlp {
    /** The activation after a Linear layer, one of the kit's ({@link Tensor#elu()} ...) or none. */
    public enum Phi { NONE, ELU, TANH, SILU, SOFTPLUS, SIGMOID }

    private FusedMlp() {
    }

    /**
     * phi_{L-1}(... phi_0(x W_0^T + b_0) ...) as one node.
     *
     * @param x input, shape [n, in] (n >= 1)
     * @param weights W_k, shape [out_k, in_k], with in_0 = in and in_k = out_{k-1}
     * @param biases b_k, shape [out_k]
     * @param phis the activation after each layer
     */
    public static Tensor forward(Tensor x, Tensor[] weights, Tensor[] biases, Phi[] phis) {
        int depth = weights.length;
        INDArray[] w = new INDArray[depth];
        INDArray[] b = new INDArray[depth];
        Tensor[] inputs = new Tensor[1 + 2 * depth];
        inputs[0] = x;
        for (int k = 0; k < depth; k++) {
            w[k] = weights[k].value();
            b[k] = biases[k].value();
            inputs[1 + 2 * k] = weights[k];
            inputs[2 + 2 * k] = biases[k];
        }
        Phi[] kinds = phis.clone();
        MlpLayers net = new MlpLayers(x.value(), w, b, kinds);
        return Tensor.record("mlp", net.output(), (g, out, needed) -> backward(net, inputs, g, needed), inputs);
    }

    /** The forward node's backward: by hand, or as the x-gradient node, or (recording parameters) unfused. */
    private static Tensor[] backward(MlpLayers net, Tensor[] inputs, Tensor g, boolean[] needed) {
        if (!GradMode.isEnabled()) {
            return constants(MlpDerivatives.vectorJacobian(net, g.value(), needed));
        }
        for (int j = 1; j < needed.length; j++) {
            if (needed[j]) {
                return Unfused.vectorJacobian(net.phis, inputs, g, needed);
            }
        }
        Tensor[] grads = new Tensor[needed.length];
        grads[0] = xGradient(net, inputs, g);
        return grads;
    }

    /**
     * The node xbar = J_x^T g, recorded with the inputs it depends on as the unfused graph does: g, x and b_k only
     * through an activation at or after layer k (a network without activations has a constant Jacobian), every W_k.
     */
    private static Tensor xGradient(MlpLayers net, Tensor[] inputs, Tensor g) {
        MlpDerivatives.Adjoints adjoints = MlpDerivatives.xAdjoints(net, g.value());
        INDArray value = adjoints.xGradient();
        int lastActivated = -1;
        for (int k = 0; k < net.depth; k++) {
            if (net.activated(k)) {
                lastActivated = k;
            }
        }
        List<Tensor> used = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        used.add(g);
        where.add(-1);
        for (int j = 0; j < inputs.length; j++) {
            boolean depends = j == 0 ? lastActivated >= 0 : j % 2 == 1 || (j - 2) / 2 <= lastActivated;
            if (depends) {
                used.add(inputs[j]);
                where.add(j);
            }
        }
        return Tensor.record("mlpBackward", value, (u, out, needed) -> {
            boolean[] neededHere = new boolean[inputs.length];
            for (int i = 1; i < needed.length; i++) {
                neededHere[where.get(i)] = needed[i];
            }
            Tensor[] all = GradMode.isEnabled()
                ? Unfused.differentiateVectorJacobian(net.phis, inputs, g, u, needed[0], neededHere)
                : constants(MlpDerivatives.differentiateVectorJacobian(net, adjoints, u.value(), needed[0], neededHere));
            Tensor[] grads = new Tensor[needed.length];
            grads[0] = all[0];
            for (int i = 1; i < needed.length; i++) {
                grads[i] = needed[i] ? all[1 + where.get(i)] : null;
            }
            return grads;
        }, used.toArray(Tensor[]::new));
    }

    private static Tensor[] constants(INDArray[] values) {
        Tensor[] out = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? null : Tensor.fresh(values[i]);
        }
        return out;
    }
}
