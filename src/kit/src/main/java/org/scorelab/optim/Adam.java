package org.scorelab.optim;

import java.util.Arrays;
import java.util.List;
import org.scorelab.autograd.Tensor;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1) as torch.optim.Adam computes it: same defaults (lr 1e-3, betas
 * (0.9, 0.999), eps 1e-8, no weight decay, no AMSGrad) and the arithmetic order of PyTorch's single-tensor
 * implementation, so that trajectories agree with PyTorch's to rounding. At step t of a parameter p:
 * <pre>
 *   g = grad + weightDecay * p                        (L2 penalty in the gradient, not AdamW's decoupled decay)
 *   m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g * g
 *   vMax = max(vMax, v)                               (amsgrad only; vMax replaces v below)
 *   stepSize = lr / (1 - beta1^t)
 *   denom = sqrt(v) / sqrt(1 - beta2^t) + eps
 *   p = p - stepSize * m / denom
 * </pre>
 * The moments are updated as torch 1.13 does ({@code m.mul_(beta1).add_(g, alpha=1-beta1)}; torch 2.x writes
 * {@code m.lerp_(g, 1-beta1)}, equal up to rounding) and the last line as {@code addcdiv_} does,
 * {@code (stepSize * m) / denom}.
 * As in PyTorch, each parameter counts its own steps: a parameter without a gradient is skipped.
 */
public final class Adam extends Optimizer {
    private double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean amsgrad;
    private final long[] steps;
    /** The moments of each parameter, row-major, updated in Java ({@link FlatValues}). */
    private final double[][] m;
    private final double[][] v;
    private final double[][] vMax;

    /** Adam with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8. */
    public Adam(List<Tensor> params) {
        this(params, 1e-3);
    }

    /** Adam with learning rate {@code lr} and PyTorch's other defaults. */
    public Adam(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    /**
     * The full form, arguments in torch.optim.Adam's order (betas as two numbers).
     *
     * @param lr learning rate, positive
     * @param beta1 decay of the first-moment average m, in [0, 1)
     * @param beta2 decay of the second-moment average v, in [0, 1)
     * @param eps added to the denominator for stability, non-negative
     * @param weightDecay L2 penalty added to the gradient, non-negative
     * @param amsgrad normalise by the largest second moment so far (Reddi et al. 2018)
     */
    public Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
                boolean amsgrad) {
        super(params);
        requireFinite("the learning rate lr", lr, lr > 0, "positive");
        requireFinite("beta1", beta1, beta1 >= 0 && beta1 < 1, "in [0, 1)");
        requireFinite("beta2", beta2, beta2 >= 0 && beta2 < 1, "in [0, 1)");
        requireFinite("eps", eps, eps >= 0, "non-negative");
        requireFinite("weightDecay", weightDecay, weightDecay >= 0, "non-negative");
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.amsgrad = amsgrad;
        int n = params.size();
        this.steps = new long[n];
        this.m = new double[n][];
        this.v = new double[n][];
        this.vMax = new double[n][];
    }

    private static void requireFinite(String name, double value, boolean rule, String ruleText) {
        if (!rule || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be " + ruleText + " and finite, found " + value);
        }
    }

    @Override
    protected void update(int i, Tensor p) {
        double[] w = FlatValues.read(p.value());
        double[] grad = FlatValues.read(p.grad());
        if (m[i] == null) {
            m[i] = new double[w.length];
            v[i] = new double[w.length];
            vMax[i] = amsgrad ? new double[w.length] : null;
        }
        long t = ++steps[i];
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double sqrtBiasCorrection2 = Math.sqrt(1 - Math.pow(beta2, t));
        double[] mi = m[i];
        double[] vi = v[i];
        for (int k = 0; k < w.length; k++) {
            double g = weightDecay == 0 ? grad[k] : grad[k] + w[k] * weightDecay;
            mi[k] = mi[k] * beta1 + g * (1 - beta1);
            vi[k] = vi[k] * beta2 + g * (1 - beta2) * g;
            double second = vi[k];
            if (amsgrad) {
                vMax[i][k] = Math.max(vMax[i][k], vi[k]);
                second = vMax[i][k];
            }
            double denom = Math.sqrt(second) / sqrtBiasCorrection2 + eps;
            w[k] = w[k] - mi[k] * stepSize / denom;
        }
        FlatValues.write(w, p.value());
    }

    /** Steps taken by the parameter that has been updated most often (all of them, in ordinary training). */
    public long stepCount() {
        return Arrays.stream(steps).max().orElse(0);
    }

    /** Steps taken by parameter {@code index}, PyTorch's {@code state[p]["step"]}. */
    public long stepCount(int index) {
        return steps[index];
    }

    /** The current learning rate. */
    public double learningRate() {
        return lr;
    }

    /**
     * Changes the learning rate for the next steps, as a PyTorch learning-rate scheduler does by writing
     * {@code param_group["lr"]}; the moment estimates are kept.
     */
    public void setLearningRate(double lr) {
        requireFinite("the learning rate lr", lr, lr > 0, "positive");
        this.lr = lr;
    }

    @Override
    public String toString() {
        return "Adam(lr=" + lr + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + eps + ", weightDecay="
            + weightDecay + ", amsgrad=" + amsgrad + ")";
    }
}
