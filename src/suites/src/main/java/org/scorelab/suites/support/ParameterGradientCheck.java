package org.scorelab.suites.support;

import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.FiniteDifferences;
import org.scorelab.autograd.Tensor;

/**
 * The gradient of a loss in a model's parameters, by autograd, against central finite differences of the same loss
 * (Tasks 1.3, 2.2, 3.1.1, 3.2.2 of ebm and 3.3 of dsm): each parameter in turn, each element within
 * {@code tolerance (1 + |numeric|)} ({@link Checks#matchesFiniteDifferences}).
 *
 * <p>Step: {@link FiniteDifferences#DEFAULT_STEP} (1e-6), which balances the truncation error h^2 |L'''| / 6 against
 * the rounding error eps |L| / h in double precision. False-fail argument: the suites run this check only on their own
 * small smooth models (quadratic energies, linear scores, a 2-8-2 tanh network) at a handful of fixed points, with
 * loss values and derivatives of order 1, where both errors stay around 1e-10 (docs/fairness.md, "False-fail arguments
 * of the deterministic checks"): four orders of magnitude and more below the tolerances the call sites pass (1e-6 or
 * 1e-5, relative to 1 + |numeric|). A loss built from Tensor operations has the exact gradient up to rounding. Each
 * call site states its own tolerance and why it suffices.
 */
public final class ParameterGradientCheck {
    private final String task;
    private final Tensor loss;
    private final Tensor[] parameters;

    private ParameterGradientCheck(String task, Tensor loss, Tensor[] parameters) {
        this.task = task;
        this.loss = loss;
        this.parameters = parameters;
    }

    /**
     * Starts the check of task {@code task} on {@code loss}, the student's loss already computed at the parameters'
     * current values.
     */
    public static ParameterGradientCheck of(String task, Tensor loss, List<Tensor> parameters) {
        return new ParameterGradientCheck(task, loss, parameters.toArray(new Tensor[0]));
    }

    /**
     * Fails at once, before any differentiation, when the loss does not depend on the parameters (a loss built from
     * plain numbers): "expected {@code expected}, found a constant".
     */
    public ParameterGradientCheck dependsOnTheParameters(String check, String expected, String likelyMistake) {
        if (!loss.requiresGrad()) {
            throw Feedback.of(task, check).mismatch(expected, "a constant", likelyMistake);
        }
        return this;
    }

    /**
     * Compares d loss / d parameter k (autograd, unused parameters getting zeros) with central differences of
     * {@code lossAgain}, parameter by parameter; each parameter is moved in place and restored after every evaluation.
     *
     * @param lossAgain     the student's loss recomputed at the parameters' current values (under
     *                      {@link Autograd#noGrad} unless the loss itself differentiates in x)
     * @param tolerance     the per-element tolerance, relative to 1 + |numeric|
     * @param what          the check's name for parameter k, e.g. "d loss / d m of a quadratic energy"
     * @param likelyMistake the likely mistake when parameter k disagrees
     */
    public void matchesFiniteDifferences(DoubleSupplier lossAgain, double tolerance, IntFunction<String> what,
                                         IntFunction<String> likelyMistake) {
        Tensor[] grads = Autograd.grad(new Tensor[] {loss}, parameters, null, false, true);
        for (int k = 0; k < parameters.length; k++) {
            Tensor p = parameters[k];
            INDArray original = p.value().dup();
            INDArray numeric = FiniteDifferences.gradient(v -> {
                p.value().assign(v);
                double l = lossAgain.getAsDouble();
                p.value().assign(original);
                return l;
            }, original, FiniteDifferences.DEFAULT_STEP);
            INDArray autograd = grads[k] == null ? original.mul(0) : grads[k].value();
            Checks.matchesFiniteDifferences(task, what.apply(k), autograd, numeric, tolerance, likelyMistake.apply(k));
        }
    }
}
