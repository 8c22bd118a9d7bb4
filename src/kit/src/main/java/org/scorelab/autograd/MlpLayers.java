package org.scorelab.autograd;

import java.nio.DoubleBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.scorelab.autograd.FusedMlp.Phi;

/**
 * One evaluation of an MLP, a_{k+1} = phi_k(z_k), z_k = a_k W_k^T + b_k (a_0 = x), with what its derivatives need:
 * the pre-activations z_k, the outputs a_k, and, computed on first use and kept, phi_k'(z_k) and phi_k''(z_k). Every
 * array is column-major [n, width]; the products are BLAS gemm calls, the rest Java loops ({@link Cells}).
 *
 * <p>The values of phi, phi' and phi'' are those of {@link Elementwise}, computed with the same operations in the
 * same order: the transcendental functions by the same ND4J calls, the arithmetic by the same formulas.
 */
final class MlpLayers {
    final Phi[] phis;
    final INDArray[] w;
    final INDArray[] b;
    /** a[0] = x, a[k + 1] = phi_k(z[k]). */
    final INDArray[] a;
    final INDArray[] z;
    /** sigmoid(z[k]) for SiLU layers. */
    private final INDArray[] s;
    private final INDArray[] p;
    private final INDArray[] q;
    final int depth;
    final long n;

    MlpLayers(INDArray x, INDArray[] w, INDArray[] b, Phi[] phis) {
        this.depth = w.length;
        this.phis = phis;
        this.w = w;
        this.b = b;
        this.n = x.size(0);
        this.a = new INDArray[depth + 1];
        this.z = new INDArray[depth];
        this.s = new INDArray[depth];
        this.p = new INDArray[depth];
        this.q = new INDArray[depth];
        a[0] = x;
        for (int k = 0; k < depth; k++) {
            z[k] = Cells.matrix(n, w[k].size(0));
            Nd4j.gemm(a[k], w[k], z[k], false, true, 1.0, 0.0);
            Cells.addBias(z[k], b[k]);
            a[k + 1] = activate(k);
        }
    }

    INDArray output() {
        return a[depth];
    }

    boolean activated(int k) {
        return phis[k] != Phi.NONE;
    }

    private INDArray activate(int k) {
        INDArray v = z[k];
        switch (phis[k]) {
            case NONE:
                return v;
            case ELU:
                return Transforms.elu(v, true);
            case TANH:
                return Transforms.tanh(v, true);
            case SIGMOID:
                return Transforms.sigmoid(v, true);
            case SOFTPLUS:
                return Elementwise.softplusValue(v);
            case SILU:
                s[k] = Transforms.sigmoid(v, true);
                return Cells.times(v, s[k]);
            default:
                throw new IllegalStateException("unknown activation " + phis[k]);
        }
    }

    /** phi_k'(z_k), as {@link Elementwise}'s backward passes compute it. */
    INDArray prime(int k) {
        if (p[k] == null) {
            p[k] = phis[k] == Phi.SOFTPLUS ? Transforms.sigmoid(z[k], true) : fill(k, false);
        }
        return p[k];
    }

    /** phi_k''(z_k): ELU's as {@link Elementwise} defines it ((y + 1) [y < 0]), the others from y, s or phi'. */
    INDArray curvature(int k) {
        if (q[k] == null) {
            prime(k);
            q[k] = fill(k, true);
        }
        return q[k];
    }

    private INDArray fill(int k, boolean second) {
        INDArray out = Cells.matrix(n, z[k].size(1));
        DoubleBuffer o = Cells.cells(out);
        DoubleBuffer y = Cells.cells(a[k + 1]);
        DoubleBuffer x = Cells.cells(z[k]);
        DoubleBuffer d = second ? Cells.cells(p[k]) : null;
        DoubleBuffer sg = phis[k] == Phi.SILU ? Cells.cells(s[k]) : null;
        int len = (int) out.length();
        for (int i = 0; i < len; i++) {
            o.put(i, second ? curvature(phis[k], x.get(i), y.get(i), d.get(i), sg == null ? 0 : sg.get(i))
                : prime(phis[k], x.get(i), y.get(i), sg == null ? 0 : sg.get(i)));
        }
        java.lang.ref.Reference.reachabilityFence(this);
        return out;
    }

    /** phi'(x) from x, y = phi(x) and, for SiLU, s = sigmoid(x). */
    private static double prime(Phi phi, double x, double y, double s) {
        switch (phi) {
            case ELU:
                return Math.min(y, 0.0) + 1.0;
            case TANH:
                return -(y * y) + 1.0;
            case SIGMOID:
                return y * (-y + 1.0);
            case SILU:
                return ((1.0 - s) * x + 1.0) * s;
            default:
                throw new IllegalStateException("no derivative in a loop for " + phi);
        }
    }

    /** phi''(x) from x, y = phi(x), d = phi'(x) and, for SiLU, s = sigmoid(x). */
    private static double curvature(Phi phi, double x, double y, double d, double s) {
        switch (phi) {
            case ELU:
                return y < 0 ? y + 1.0 : 0.0;
            case TANH:
                return -2.0 * y * d;
            case SIGMOID:
                return d * (-2.0 * y + 1.0);
            case SOFTPLUS:
                return d * (-d + 1.0);
            case SILU:
                return (s * (-s + 1.0)) * (x * (s * -2.0 + 1.0) + 2.0);
            default:
                throw new IllegalStateException("no curvature for " + phi);
        }
    }
}
