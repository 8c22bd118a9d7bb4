package org.scorelab.optim;

import java.util.List;
import java.util.function.Supplier;
import org.scorelab.autograd.Scratch;
import org.scorelab.autograd.Tensor;

/**
 * Updates parameters from their accumulated gradients (torch.optim.Optimizer).
 *
 * <p>Two ways to train, as in PyTorch:
 * <pre>{@code
 * // 1. with a closure (recommended: intermediate arrays are recycled, see Scratch)
 * double loss = optimizer.step(() -> lossOf(model, batch));
 * // 2. by hand
 * optimizer.zeroGrad();
 * Tensor loss = lossOf(model, batch);
 * loss.backward();
 * optimizer.step();
 * }</pre>
 */
public abstract class Optimizer {
    private final List<Tensor> parameters;

    protected Optimizer(List<Tensor> parameters) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("an optimizer needs at least one parameter");
        }
        for (Tensor p : parameters) {
            if (!p.requiresGrad()) {
                throw new IllegalArgumentException("parameter " + p + " does not require gradients: make it with Tensor.variable");
            }
        }
        this.parameters = List.copyOf(parameters);
    }

    public List<Tensor> parameters() {
        return parameters;
    }

    /** Forgets every parameter's gradient. */
    public void zeroGrad() {
        parameters.forEach(Tensor::zeroGrad);
    }

    /** One update from the gradients accumulated since the last {@link #zeroGrad()}. */
    public final void step() {
        for (int i = 0; i < parameters.size(); i++) {
            Tensor p = parameters.get(i);
            if (p.grad() != null) {
                update(i, p);
            }
        }
    }

    /**
     * Zeroes the gradients, evaluates {@code loss}, back-propagates and updates, all in a {@link Scratch} scope.
     *
     * @param loss computes the one-element loss to minimise
     * @return the loss before the update
     * @throws IllegalStateException if the loss is NaN or infinite (the parameters are then left unchanged)
     */
    public final double step(Supplier<Tensor> loss) {
        return Scratch.computeDouble(() -> {
            zeroGrad();
            Tensor value = loss.get();
            double v = value.item();
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("the loss is " + v + "; parameters were not updated "
                    + "(a learning rate too large, or a division by a zero noise level?)");
            }
            value.backward();
            step();
            zeroGrad(); // the gradients live in the scratch scope, which ends here: drop them
            return v;
        });
    }

    /**
     * Updates parameter {@code index} in place from {@code p.grad()}; state (moments, momentum) must be allocated
     * with {@link Scratch#outside} because {@code step} may run inside a scratch scope.
     */
    protected abstract void update(int index, Tensor p);
}
