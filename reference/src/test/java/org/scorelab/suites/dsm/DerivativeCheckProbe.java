package org.scorelab.suites.dsm;

import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.FiniteDifferences;
import org.scorelab.autograd.Precision;
import org.scorelab.autograd.Tensor;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.nn.Activation;
import org.scorelab.nn.Mlp;
import org.scorelab.nn.Sequential;
import org.scorelab.random.Rng;

/**
 * Issue 16, item 2: runs Task 3.2's derivative checks on correct networks of many shapes (activation, width, depth,
 * input scaling from random levels sigma_1 and sigma_L, output scaling 1/sigma, initialisation seed) and prints how
 * many each check fails, beside the check as it was before (16 points, one step of 1e-4, every element within 1e-5).
 *
 * <pre>
 * mvn -B -q -pl reference exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.scorelab.suites.dsm.DerivativeCheckProbe -Dexec.args=400
 * </pre>
 */
public final class DerivativeCheckProbe {
    private DerivativeCheckProbe() {
    }

    /** f(x, sigma) = g(a (x - 0.5), b (log sigma - m)) / sigma^k, with the reference's form of input scaling. */
    record Network(Sequential g, double a, double b, double m, boolean divide, String label) implements EnergyModel {
        @Override
        public Tensor energy(Tensor x, Tensor sigma) {
            Tensor out = g.forward(Tensor.concat(1, x.sub(0.5).mul(a), sigma.log().sub(m).mul(b)));
            return divide ? out.div(sigma) : out;
        }

        @Override
        public List<Tensor> parameters() {
            return g.parameters();
        }

        @Override
        public long parameterCount() {
            return g.parameterCount();
        }
    }

    public static void main(String[] args) {
        Precision.useDouble();
        int draws = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Rng choose = new Rng(16_002);
        Activation[] activations = {Activation.ELU, Activation.SILU, Activation.SOFTPLUS, Activation.TANH};
        int[] widths = {16, 32, 64, 128, 256};
        int oldFails = 0;
        int newFirst = 0;
        int newSecond = 0;
        int eluOld = 0;
        int elu = 0;
        int[] least = {Integer.MAX_VALUE, Integer.MAX_VALUE};
        double ratio = Double.POSITIVE_INFINITY;
        double shape = Double.POSITIVE_INFINITY;
        for (int d = 0; d < draws; d++) {
            Activation act = d % 5 == 0 ? Activation.ELU : activations[choose.nextInt(activations.length)];
            int width = widths[choose.nextInt(widths.length)];
            int depth = 1 + choose.nextInt(4);
            int[] hidden = new int[depth];
            java.util.Arrays.fill(hidden, width);
            double sigma1 = Math.exp(Math.log(0.005) + choose.nextDouble() * Math.log(10));
            double sigmaL = 0.5 + 2.5 * choose.nextDouble();
            boolean scaled = choose.nextInt(3) > 0;
            double a = scaled ? 4 : 1;
            double b = scaled ? 4 / Math.log(sigmaL / sigma1) : 1;
            double m = scaled ? (Math.log(sigma1) + Math.log(sigmaL)) / 2 : 0;
            boolean divide = choose.nextInt(3) > 0;
            long seed = choose.nextInt(1_000_000);
            String label = String.format(Locale.ROOT, "%s %dx%d sigma %.3f..%.2f %s %s seed %d", act, depth, width, sigma1, sigmaL,
                scaled ? "scaled" : "raw", divide ? "/sigma" : "", seed);
            boolean old = !oldCheck(network(act, hidden, a, b, m, divide, seed, label));
            boolean first = fails(() -> least[0] = Math.min(least[0],
                EnergyNetworkTests.checkInputGradient(network(act, hidden, a, b, m, divide, seed, label), 321).agreeing()));
            boolean second = fails(() -> least[1] = Math.min(least[1],
                EnergyNetworkTests.checkTwiceDifferentiable(network(act, hidden, a, b, m, divide, seed, label), 322).agreeing()));
            ratio = Math.min(ratio, EnergyNetworkTests.curvatureRatio(network(act, hidden, a, b, m, divide, seed, label), 322));
            shape = Math.min(shape, EnergyNetworkTests.shapeChange(network(act, hidden, a, b, m, divide, seed, label)));
            oldFails += old ? 1 : 0;
            newFirst += first ? 1 : 0;
            newSecond += second ? 1 : 0;
            if (act == Activation.ELU) {
                elu++;
                eluOld += old ? 1 : 0;
            }
            if (old || first || second) {
                System.out.printf(Locale.ROOT, "%-60s old %s, new first-order %s, new second-order %s%n", label,
                    old ? "FAIL" : "pass", first ? "FAIL" : "pass", second ? "FAIL" : "pass");
            }
        }
        System.out.printf(Locale.ROOT, "%d correct networks (%d ELU): the old second-order check failed %d (%d of the ELU ones); "
            + "the new first-order check failed %d, the new second-order check %d; fewest agreeing points %d and %d of %d%n", draws,
            elu, oldFails, eluOld, newFirst, newSecond, least[0], least[1], EnergyNetworkTests.DERIVATIVE_POINTS);
        System.out.printf(Locale.ROOT, "smallest |H v| / |grad_x f| of a correct network at initialisation: %.3g (flat below 1e-8)%n", ratio);
        System.out.printf(Locale.ROOT, "smallest 1 - |cosine| of the centred energies at sigma = 0.05 and 0.8: %.3g (fails below 1e-9)%n",
            shape);
        wrong("piecewise-linear activation (z + sqrt(z^2)) / 2", z -> z.add(z.square().sqrt()).mul(0.5), false);
        wrong("softplus whose curvature is cut (first-order Taylor around z.detach()), then tanh",
            z -> { Tensor z0 = z.detach(); return z0.softplus().add(z0.sigmoid().mul(z.sub(z0))); }, true);
    }

    /** A wrong network: two hidden layers of 64 with {@code activation} (and tanh on the second if {@code thenTanh}). */
    private static void wrong(String what, java.util.function.UnaryOperator<Tensor> activation, boolean thenTanh) {
        org.scorelab.nn.Module act = new org.scorelab.nn.Module() {
            @Override
            public Tensor forward(Tensor input) {
                return activation.apply(input);
            }

            @Override
            public java.util.Map<String, Tensor> namedParameters() {
                return java.util.Map.of();
            }
        };
        Rng rng = new Rng(7);
        Sequential g = new Sequential(new org.scorelab.nn.Linear(3, 64, rng), act, new org.scorelab.nn.Linear(64, 64, rng),
            thenTanh ? Activation.TANH : act, new org.scorelab.nn.Linear(64, 1, rng));
        Network f = new Network(g, 4, 1, 0, true, what);
        System.out.printf(Locale.ROOT, "wrong network, %s (|H v| / |grad_x f| = %.3g): first-order check %s, second-order check %s%n",
            what, EnergyNetworkTests.curvatureRatio(new Network(g, 4, 1, 0, true, what), 322),
            fails(() -> EnergyNetworkTests.checkInputGradient(f, 321)) ? "FAILS" : "passes",
            fails(() -> EnergyNetworkTests.checkTwiceDifferentiable(f, 322)) ? "FAILS" : "passes");
    }

    private static Network network(Activation act, int[] hidden, double a, double b, double m, boolean divide, long seed, String label) {
        return new Network(Mlp.input(3).hidden(hidden).activation(act).output(1).build(new Rng(seed)), a, b, m, divide, label);
    }

    private static boolean fails(Runnable check) {
        try {
            check.run();
            return false;
        } catch (AssertionError e) {
            System.out.println("    " + e.getMessage().replace("\n", "\n    "));
            return true;
        }
    }

    /** The second-order check as it was before issue 16: 16 points, sigma uniform on [0.01, 1], one step of 1e-4. */
    private static boolean oldCheck(EnergyModel f) {
        Rng rng = new Rng(320);
        INDArray x0 = rng.uniform(-0.2, 1.2, 16, 2);
        INDArray sigma = rng.uniform(0.01, 1.0, 16, 1);
        INDArray v = new Rng(5).normal(16, 2);
        Tensor x = Tensor.variable(x0);
        Tensor grad = Autograd.grad(f.energy(x, Tensor.constant(sigma)).sum(), x, true);
        INDArray hvp = Autograd.grad(grad.mul(Tensor.constant(v)).sum(), x, false).value();
        INDArray numeric = FiniteDifferences.vectorJacobian(point -> {
            Tensor xp = Tensor.variable(point);
            return Autograd.grad(f.energy(xp, Tensor.constant(sigma)).sum(), xp, false).value();
        }, x0, v, 1e-4);
        double[] a = hvp.dup('c').data().asDouble();
        double[] n = numeric.dup('c').data().asDouble();
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - n[i]) <= 1e-5 * (1 + Math.abs(n[i])))) {
                return false;
            }
        }
        return true;
    }
}
