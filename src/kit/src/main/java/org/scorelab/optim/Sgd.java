package org.scorelab.optim;

import java.util.List;
import org.scorelab.autograd.Tensor;

/**
 * Stochastic gradient descent with momentum, torch.optim.SGD: the same update rule, arithmetic order and defaults
 * (momentum 0, dampening 0, weight decay 0, no Nesterov). For each parameter p with gradient grad, the algorithm
 * in the PyTorch documentation of SGD reads
 * <pre>
 *   g = grad + weightDecay * p
 *   if momentum != 0:
 *       b = g                                        on the first step
 *       b = momentum * b + (1 - dampening) * g       afterwards
 *       g = g + momentum * b    if nesterov,   else   g = b
 *   p = p - lr * g
 * </pre>
 * Note that dampening does not apply on the first step, as in PyTorch.
 *
 * <pre>{@code
 * Optimizer plain = new Sgd(model.parameters(), 0.1);
 * Optimizer nesterov = Sgd.withLearningRate(0.1).momentum(0.9).nesterov(true).weightDecay(1e-4).build(params);
 * }</pre>
 */
public final class Sgd extends Optimizer {
    private final double lr;
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;
    /** Each parameter's momentum buffer b, row-major, updated in Java ({@link FlatValues}). */
    private final double[][] momentumBuffers;

    /** Plain gradient descent, {@code p = p - lr * grad}. */
    public Sgd(List<Tensor> params, double lr) {
        this(params, lr, 0, 0, 0, false);
    }

    /**
     * The full form, arguments in torch.optim.SGD's order.
     *
     * @param lr learning rate, positive
     * @param momentum momentum factor, in [0, 1)
     * @param dampening dampening of the momentum, in [0, 1]
     * @param weightDecay L2 penalty added to the gradient, non-negative
     * @param nesterov use Nesterov momentum; needs a positive momentum and zero dampening
     */
    public Sgd(List<Tensor> params, double lr, double momentum, double dampening, double weightDecay,
               boolean nesterov) {
        super(params);
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("the learning rate lr must be positive and finite, found " + lr);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), found " + momentum);
        }
        if (!(dampening >= 0 && dampening <= 1)) {
            throw new IllegalArgumentException("dampening must be in [0, 1], found " + dampening);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be non-negative and finite, found " + weightDecay);
        }
        if (nesterov && (momentum == 0 || dampening != 0)) {
            throw new IllegalArgumentException("nesterov momentum needs a positive momentum and zero dampening, found "
                + "momentum = " + momentum + " and dampening = " + dampening);
        }
        this.lr = lr;
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
        this.momentumBuffers = new double[params.size()][];
    }

    /** Starts a configuration with learning rate {@code lr} and PyTorch's other defaults. */
    public static Builder withLearningRate(double lr) {
        return new Builder(lr);
    }

    @Override
    protected void update(int index, Tensor p) {
        double[] w = FlatValues.read(p.value());
        double[] grad = FlatValues.read(p.grad());
        boolean first = momentumBuffers[index] == null;
        if (momentum != 0 && first) {
            momentumBuffers[index] = new double[w.length];
        }
        double[] b = momentumBuffers[index];
        for (int k = 0; k < w.length; k++) {
            double g = weightDecay == 0 ? grad[k] : grad[k] + w[k] * weightDecay;
            if (momentum != 0) {
                b[k] = first ? g : b[k] * momentum + g * (1 - dampening);
                g = nesterov ? g + b[k] * momentum : b[k];
            }
            w[k] = w[k] - g * lr;
        }
        FlatValues.write(w, p.value());
    }

    @Override
    public String toString() {
        return "Sgd(lr=" + lr + ", momentum=" + momentum + ", dampening=" + dampening + ", weightDecay="
            + weightDecay + ", nesterov=" + nesterov + ")";
    }

    /** Fluent settings for {@link Sgd}; unset values keep PyTorch's defaults. */
    public static final class Builder {
        private final double lr;
        private double momentum;
        private double dampening;
        private double weightDecay;
        private boolean nesterov;

        private Builder(double lr) {
            this.lr = lr;
        }

        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        public Builder dampening(double dampening) {
            this.dampening = dampening;
            return this;
        }

        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Builder nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        /** An optimizer over {@code params} with these settings, validated as the full constructor does. */
        public Sgd build(List<Tensor> params) {
            return new Sgd(params, lr, momentum, dampening, weightDecay, nesterov);
        }
    }
}
