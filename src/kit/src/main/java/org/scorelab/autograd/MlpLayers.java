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
            Gemm.into(a[k], w[k], z[k], false, true, 1.0, 0.0);
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

    /** phi_k' (or, if {@code second}, phi_k'') of layer k, one loop per activation (a switch per cell cost ~20 ns). */
    private INDArray fill(int k, boolean second) {
        INDArray out = Cells.matrix(n, z[k].size(1));
        DoubleBuffer o = Cells.cells(out);
        DoubleBuffer y = Cells.cells(a[k + 1]);
        DoubleBuffer x = Cells.cells(z[k]);
        DoubleBuffer d = second ? Cells.cells(p[k]) : null;
        int len = (int) out.length();
        switch (phis[k]) {
            case ELU:
                for (int i = 0; i < len; i++) {
                    double v = y.get(i);
                    // elu' = min(y, 0) + 1; elu'' = (y + 1) [y < 0], as Elementwise's eluPrime and eluCurvature.
                    o.put(i, second ? (v + 1.0) * negative(v) : Math.min(v, 0.0) + 1.0);
                }
                break;
            case TANH:
                for (int i = 0; i < len; i++) {
                    double v = y.get(i);
                    o.put(i, second ? -2.0 * v * d.get(i) : -(v * v) + 1.0);
                }
                break;
            case SIGMOID:
                for (int i = 0; i < len; i++) {
                    double v = y.get(i);
                    o.put(i, second ? d.get(i) * (-2.0 * v + 1.0) : v * (-v + 1.0));
                }
                break;
            case SOFTPLUS:
                // softplus' = sigmoid, computed by ND4J in prime(); here only softplus'' = sigmoid (1 - sigmoid).
                for (int i = 0; i < len; i++) {
                    double e = d.get(i);
                    o.put(i, e * (-e + 1.0));
                }
                break;
            case SILU:
                DoubleBuffer sg = Cells.cells(s[k]);
                for (int i = 0; i < len; i++) {
                    double t = sg.get(i);
                    double v = x.get(i);
                    // silu' = s (1 + x (1 - s)) as Elementwise's siluPrime; silu'' = s (1 - s) (2 + x (1 - 2 s)).
                    o.put(i, second ? (t * (-t + 1.0)) * (v * (t * -2.0 + 1.0) + 2.0) : ((1.0 - t) * v + 1.0) * t);
                }
                break;
            default:
                throw new IllegalStateException("no derivative of " + phis[k]);
        }
        java.lang.ref.Reference.reachabilityFence(this);
        return out;
    }

    /**
     * 1 for v < 0, else 0 (also for -0.0), from the bits: ELU's curvature had a branch per cell on the sign of y,
     * mispredicted half the time, which took ~18% of the DSM step at batch 1,000 (JFR).
     */
    private static double negative(double v) {
        long bits = Double.doubleToRawLongBits(v);
        long nonZero = ((bits & Long.MAX_VALUE) + Long.MAX_VALUE) >>> 63;
        return (double) ((bits >>> 63) & nonZero);
    }
}
