package org.scorelab.autograd;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused MLP's hand-written derivatives, on plain arrays (nothing recorded). Gradients are indexed as the node's
 * inputs: 0 is x, 1 + 2k is W_k, 2 + 2k is b_k; {@code null} where not needed.
 *
 * <p>First order ({@link #vectorJacobian}): back-propagation through the layers, the products as the recorded
 * {@link MatMul} backward computes them (gemm with the same transpose flags into column-major results). Weight
 * gradients are then copied to row-major, as their parameters are, so a leaf keeps them without a copy and the
 * optimizers read them without one ({@code Tensor.fresh}).
 *
 * <p>Second order ({@link #differentiateVectorJacobian}): the gradient of S = &lt;u, xbar&gt;, where
 * xbar = J_x(x, theta)^T g is the first-order x-gradient, in g, x and theta. S is the derivative of &lt;g, y&gt; along
 * x in direction u, S = &lt;g, ydot&gt;, so forward-over-reverse: a tangent pass (zdot_k = adot_k W_k^T,
 * adot_{k+1} = phi'(z_k) zdot_k, adot_0 = u) gives dS/dg = ydot, and back-propagation through the primal and the
 * tangent pass together gives the rest, with the adjoints
 * zdotbar_k = adotbar_{k+1} phi'(z_k), zbar_k = abar_{k+1} phi'(z_k) + adotbar_{k+1} zdot_k phi''(z_k),
 * Wbar_k = zdotbar_k^T adot_k + zbar_k^T a_k, bbar_k = sum_rows zbar_k, adotbar_k = zdotbar_k W_k,
 * abar_k = zbar_k W_k, starting from adotbar_L = g, abar_L = 0; dS/dx = abar_0.
 *
 * <p>adotbar_k and zdotbar_k depend on g alone: they are the adjoints of the first-order pass that computed xbar
 * (adotbar_0 = xbar). The x-gradient node keeps them from that pass ({@link #xAdjoints}) and the second-order pass
 * reads them instead of computing them again: one [n, width] x [width, width] product fewer per layer, which brings
 * the DSM step to PyTorch's count of multiply-adds (docs/performance.md, "The floor").
 */
final class MlpDerivatives {
    private MlpDerivatives() {
    }

    /** x-, W- and b-gradients of &lt;g, y&gt; for the output gradient g [n, out]. */
    static INDArray[] vectorJacobian(MlpLayers net, INDArray g, boolean[] needed) {
        INDArray[] grads = new INDArray[needed.length];
        int lowest = lowestNeeded(net, needed);
        Adjoints adjoints = adjoints(net, g, lowest, needed[0]);
        for (int k = net.depth - 1; k >= lowest; k--) {
            INDArray delta = adjoints.preActivations()[k];
            if (needed[1 + 2 * k]) {
                grads[1 + 2 * k] = Cells.rowMajor(product(delta, net.a[k], true, false, null));
            }
            if (needed[2 + 2 * k]) {
                grads[2 + 2 * k] = Cells.columnSums(delta);
            }
        }
        if (needed[0]) {
            grads[0] = adjoints.xGradient();
        }
        return grads;
    }

    /**
     * The first-order pass's adjoints for the output gradient g: {@code outputs[k]} = adotbar_k, the gradient in a_k
     * ({@code outputs[depth]} = g, {@code outputs[0]} = xbar), and {@code preActivations[k]} = zdotbar_k, the
     * gradient in z_k.
     */
    record Adjoints(INDArray[] outputs, INDArray[] preActivations) {
        INDArray xGradient() {
            return outputs[0];
        }
    }

    /** xbar = J_x^T g with every adjoint on the way kept, for the x-gradient node's derivative. */
    static Adjoints xAdjoints(MlpLayers net, INDArray g) {
        return adjoints(net, g, 0, true);
    }

    /**
     * Back-propagation of g from the output down to layer {@code lowest}: zdotbar_k = adotbar_{k+1} phi'(z_k) and
     * adotbar_k = zdotbar_k W_k, the latter for the lowest layer only if {@code toInput} (then adotbar_0 = xbar).
     */
    private static Adjoints adjoints(MlpLayers net, INDArray g, int lowest, boolean toInput) {
        INDArray[] outputs = new INDArray[net.depth + 1];
        INDArray[] preActivations = new INDArray[net.depth];
        outputs[net.depth] = g;
        for (int k = net.depth - 1; k >= lowest; k--) {
            preActivations[k] = net.activated(k) ? Cells.times(outputs[k + 1], net.prime(k)) : outputs[k + 1];
            if (k > lowest || toInput) {
                outputs[k] = product(preActivations[k], net.w[k], false, false, null);
            }
        }
        return new Adjoints(outputs, preActivations);
    }

    /**
     * Gradients of S = &lt;u, xbar(g, x, theta)&gt; in g, x, W and b (see the class comment).
     *
     * @param adjoints the first-order pass's adjoints for g ({@link #xAdjoints})
     * @param neededG whether g's gradient is needed (the JVP J u)
     * @param needed for x, W_k, b_k as in {@link #vectorJacobian}
     * @return g's gradient (or null), then x, W_k, b_k as in {@link #vectorJacobian}
     */
    static INDArray[] differentiateVectorJacobian(MlpLayers net, Adjoints adjoints, INDArray u, boolean neededG,
                                                  boolean[] needed) {
        int depth = net.depth;
        INDArray[] adot = new INDArray[depth + 1];
        INDArray[] zdot = new INDArray[depth];
        adot[0] = u;
        for (int k = 0; k < depth; k++) {
            if (k == depth - 1 && !neededG && !net.activated(k)) {
                break; // the last tangent is needed only for g's gradient or phi''
            }
            zdot[k] = product(adot[k], net.w[k], false, true, null);
            adot[k + 1] = net.activated(k) ? Cells.times(zdot[k], net.prime(k)) : zdot[k];
        }
        INDArray[] grads = new INDArray[needed.length + 1];
        grads[0] = neededG ? adot[depth] : null;
        boolean anyBelow = false;
        for (boolean need : needed) {
            anyBelow |= need;
        }
        if (!anyBelow) {
            return grads;
        }
        int lowest = lowestNeeded(net, needed);
        INDArray abar = null;
        for (int k = depth - 1; k >= lowest; k--) {
            INDArray adotbar = adjoints.outputs()[k + 1];
            INDArray zdotbar = adjoints.preActivations()[k];
            INDArray zbar = abar;
            if (net.activated(k)) {
                zbar = Cells.times(Cells.times(adotbar, zdot[k]), net.curvature(k));
                if (abar != null) {
                    Cells.addInPlace(zbar, Cells.times(abar, net.prime(k)));
                }
            }
            if (needed[1 + 2 * k]) {
                INDArray wbar = product(zdotbar, adot[k], true, false, null);
                grads[2 + 2 * k] = Cells.rowMajor(zbar == null ? wbar : product(zbar, net.a[k], true, false, wbar));
            }
            if (needed[2 + 2 * k]) {
                grads[3 + 2 * k] = zbar == null ? Nd4j.zeros(net.b[k].shape()) : Cells.columnSums(zbar);
            }
            if (k > lowest || needed[0]) {
                abar = zbar == null ? null : product(zbar, net.w[k], false, false, null);
            }
        }
        if (needed[0]) {
            grads[1] = abar == null ? Nd4j.zeros(net.a[0].shape()) : abar;
        }
        return grads;
    }

    /** The lowest layer whose parameters, or whose input x (layer 0), need a gradient. */
    private static int lowestNeeded(MlpLayers net, boolean[] needed) {
        if (needed[0]) {
            return 0;
        }
        for (int k = 0; k < net.depth; k++) {
            if (needed[1 + 2 * k] || needed[2 + 2 * k]) {
                return k;
            }
        }
        return net.depth;
    }

    /** op(a) op(b) into a new column-major matrix, or added to {@code into} (gemm's beta = 1). */
    private static INDArray product(INDArray a, INDArray b, boolean transA, boolean transB, INDArray into) {
        long rows = transA ? a.size(1) : a.size(0);
        long cols = transB ? b.size(0) : b.size(1);
        INDArray out = into != null ? into : Cells.matrix(rows, cols);
        Gemm.into(a, b, out, transA, transB, 1.0, into != null ? 1.0 : 0.0);
        return out;
    }

}
