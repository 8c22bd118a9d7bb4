package org.scorelab.suites.dsm;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.FiniteDifferences;
import org.scorelab.autograd.Tensor;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Checks;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.Graded;
import org.scorelab.suites.support.Solutions;

/** Task 3.2: the noise-conditional energy network f(x, sigma). */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class EnergyNetworkTests {
    static final String TASK = "3.2";

    private static EnergyModel network(long seed) {
        EnergyModel f = Solutions.dsm().energyNetwork(new Rng(seed));
        if (f == null) {
            throw Feedback.of(TASK, "energyNetwork").mismatch("a network", "null", "return the network you built");
        }
        return f;
    }

    /** 16 points around the data, with noise levels between 0.01 and 1. */
    private static INDArray[] probe() {
        Rng rng = new Rng(320);
        return new INDArray[] {rng.uniform(-0.2, 1.2, 16, 2), rng.uniform(0.01, 1.0, 16, 1)};
    }

    private static double[] energies(EnergyModel f, INDArray x, INDArray sigma) {
        return Autograd.noGrad(() -> Checks.shape(TASK, "energy shape", f.energy(Tensor.constant(x), Tensor.constant(sigma)).value(),
            x.size(0), 1));
    }

    @Test
    @Graded(assignment = "dsm", task = TASK, points = 0.5)
    void energyIsOneFiniteNumberPerPointAndParametersAreCounted() {
        EnergyModel f = network(1);
        INDArray[] p = probe();
        Checks.finite(TASK, "energy", energies(f, p[0], p[1]), "a division by sigma = 0 or a log of a negative number");
        List<Tensor> parameters = f.parameters();
        long counted = parameters.stream().mapToLong(t -> t.value().length()).sum();
        if (parameters.isEmpty() || parameters.stream().anyMatch(t -> !t.requiresGrad())) {
            throw Feedback.of(TASK, "learnable parameters").mismatch("a non-empty list of Tensor.variable parameters",
                parameters.size() + " parameters", "return the network's parameters(); make them with Tensor.variable");
        }
        if (f.parameterCount() != counted) {
            throw Feedback.of(TASK, "parameterCount()").mismatch(counted, f.parameterCount(),
                "count every weight and bias: a Linear(in, out) layer has in * out + out parameters");
        }
        if (counted > 100_000) {
            throw Feedback.of(TASK, "network size").mismatch("a small network, at most 100,000 parameters", counted,
                "the sheet asks for a very small network: two hidden layers of 32 to 128 units suffice");
        }
    }

    @Test
    @Graded(assignment = "dsm", task = TASK, points = 0.5)
    void theNoiseLevelIsAnInput() {
        EnergyModel f = network(2);
        INDArray[] p = probe();
        double[] low = energies(f, p[0], Nd4j.valueArrayOf(new long[] {16, 1}, 0.05, DataType.DOUBLE));
        double[] high = energies(f, p[0], Nd4j.valueArrayOf(new long[] {16, 1}, 0.8, DataType.DOUBLE));
        double largest = 0;
        for (int i = 0; i < low.length; i++) {
            largest = Math.max(largest, Math.abs(low[i] - high[i]));
        }
        if (largest < 1e-9) {
            throw Feedback.of(TASK, "f(x, 0.05) - f(x, 0.8) at 16 points").mismatch("a difference", largest,
                "the noise level is not fed to the network: stack it with the point, Tensor.concat(1, x, sigma)");
        }
        // A network fed the point alone, with sigma only in an output scaling such as g(x) / sigma, changes with the
        // level by a factor and a shift: its centred energies at two levels are then exactly proportional. A network
        // fed the level as an input changes shape with it (the reference's network at initialisation: |cosine| well below
        // 1). Exact check, no sampling: a deviation of 1e-9 from 1 is far above rounding error (~1e-15).
        double cosine = cosineOfCentred(low, high);
        if (Math.abs(cosine) > 1 - 1e-9) {
            throw Feedback.of(TASK, "shape of the energy across 16 points at sigma = 0.05 and at sigma = 0.8")
                .mismatch("centred energies that are not proportional (|cosine| < 1 - 1e-9)",
                    String.format(java.util.Locale.ROOT, "cosine %.12f", cosine),
                    "the noise level only rescales or shifts one energy landscape, e.g. f = g(x) / sigma: feed sigma to the "
                        + "network as an input too, Tensor.concat(1, x, level), so each level gets its own landscape");
        }
    }

    /** The cosine of the angle between {@code a} and {@code b} after subtracting each one's mean. */
    private static double cosineOfCentred(double[] a, double[] b) {
        double ma = java.util.Arrays.stream(a).average().orElseThrow();
        double mb = java.util.Arrays.stream(b).average().orElseThrow();
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return aa == 0 || bb == 0 ? 1 : ab / Math.sqrt(aa * bb);
    }

    @Test
    @Graded(assignment = "dsm", task = TASK, points = 0.5)
    void inputGradientMatchesFiniteDifferences() {
        EnergyModel f = network(3);
        INDArray[] p = probe();
        Tensor x = Tensor.variable(p[0]);
        INDArray grad = Autograd.grad(f.energy(x, Tensor.constant(p[1])).sum(), x, false).value();
        INDArray numeric = FiniteDifferences.gradient(point -> Autograd.noGrad(() ->
            f.energy(Tensor.constant(point), Tensor.constant(p[1])).sum().item()), p[0], FiniteDifferences.DEFAULT_STEP);
        Checks.matchesFiniteDifferences(TASK, "grad_x f", grad, numeric, 1e-6, "an operation outside the kit's Tensor (e.g. on .value()) cuts the gradient");
    }

    @Test
    @Graded(assignment = "dsm", task = TASK, points = 0.5)
    void energyIsTwiceDifferentiableInX() {
        EnergyModel f = network(4);
        INDArray[] p = probe();
        INDArray v = new Rng(5).normal(16, 2);
        Tensor x = Tensor.variable(p[0]);
        Tensor grad = Autograd.grad(f.energy(x, Tensor.constant(p[1])).sum(), x, true);
        if (!grad.requiresGrad()) {
            throw Feedback.of(TASK, "second derivative of f in x").mismatch("grad_x f depending on x", "a constant gradient",
                "use activations with curvature (ELU, tanh, SiLU, softplus); the DSM loss differentiates grad_x f again");
        }
        INDArray hvp = Autograd.grad(grad.mul(Tensor.constant(v)).sum(), x, false).value();
        INDArray numeric = FiniteDifferences.vectorJacobian(point -> {
            Tensor xp = Tensor.variable(point);
            return Autograd.grad(f.energy(xp, Tensor.constant(p[1])).sum(), xp, false).value();
        }, p[0], v, 1e-4);
        Checks.matchesFiniteDifferences(TASK, "Hessian-vector product of f in x", hvp, numeric, 1e-5, "the activation is not twice differentiable");
        if (hvp.norm2Number().doubleValue() < 1e-10) {
            throw Feedback.of(TASK, "curvature of f in x").mismatch("a non-zero Hessian", "zero at all 16 points",
                "a piecewise-linear network has a piecewise-constant score; use ELU, tanh, SiLU or softplus");
        }
    }

    @Test
    @Graded(assignment = "dsm", task = TASK, points = 0.25)
    void sameSeedSameNetwork() {
        INDArray[] p = probe();
        double[] a = energies(network(7), p[0], p[1]);
        double[] b = energies(network(7), p[0], p[1]);
        if (!java.util.Arrays.equals(a, b)) {
            throw Feedback.of(TASK, "two networks made with the same seed").mismatch("identical energies", "different energies",
                "initialise the layers from the Rng passed in");
        }
    }
}
