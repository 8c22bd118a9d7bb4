package org.scorelab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Tensor;
import org.scorelab.random.Rng;

/**
 * The fused MLP node ({@code FusedLayers}, what {@link Sequential#forward} records for Linear layers and activations)
 * against the same network evaluated layer by layer (the ordinary recorded operations), on random networks: depths 1
 * to 4, widths 1 to 8, every activation (one for all layers as {@link Mlp} builds, or a random one or none per layer,
 * the last layer included), batches of 1 to 7 or 300, inputs and output weights row-major, column-major, or views
 * (strided or column-major) with an offset, inputs constant or not.
 * Values, first derivatives, second derivatives (a loss on grad_x f, differentiated in x, in the parameters and in
 * a differentiable output weight) and third derivatives (the fallback to recorded operations) agree to 1e-12 relative
 * to the largest entry of each result (at least 1e-3; seen: at most 9e-14, typically a few 1e-15); values and first
 * derivatives to the bit.
 */
class FusedMlpProperties {
    /**
     * For second and third derivatives, which add the same terms in another order: seen up to 9e-14 (typically a few
     * 1e-15, in ~20 runs of these properties and one of 3,000 networks); the bound leaves room for the tail of that
     * rounding, while a wrong term shows as 1e-6 or more (a freed temporary in a loop showed as 3e-5).
     */
    private static final double TOLERANCE = 1e-12;
    /**
     * Results smaller than this are compared absolutely (to 1e-16): a second derivative that cancels to ~1e-4 keeps
     * fewer digits in either summation order (measured: 5.6e-14 relative at a largest entry of 2.5e-4, in 3,000
     * random networks; 1.4e-14 with this floor).
     */
    private static final double SMALLEST_SCALE = 1e-3;
    private static final Map<String, Double> LARGEST = new TreeMap<>();
    /**
     * What the fused node computes with the recorded operations' arithmetic in their order: values, first
     * derivatives (grad_x f included), and the recorded fallback. Equal to the bit, so first-order training
     * (Langevin, NCE, maximum likelihood) follows the same trajectory fused or not.
     */
    private static final java.util.regex.Pattern BITWISE = java.util.regex.Pattern.compile("value|first|seeded|gradX|penalty");

    /** A network and an input, all drawn from {@code seed}. */
    record Case(long seed) {
        Sequential network(Rng rng) {
            int depth = 1 + rng.nextInt(4);
            int[] sizes = {1, 2, 3, 5, 8};
            Activation[] all = Activation.values();
            boolean mixed = rng.nextInt(2) == 0;
            Activation shared = all[rng.nextInt(all.length)];
            List<Module> layers = new ArrayList<>();
            int width = 1 + rng.nextInt(3);
            for (int k = 0; k < depth; k++) {
                int out = sizes[rng.nextInt(sizes.length)];
                layers.add(new Linear(width, out, rng));
                width = out;
                boolean last = k == depth - 1;
                if (mixed ? rng.nextInt(all.length + 1) < all.length : !last) {
                    layers.add(mixed ? all[rng.nextInt(all.length)] : shared);
                }
            }
            return new Sequential(layers);
        }

        /** Mostly 1 to 7 points, sometimes 300 (where sums over the batch could be blocked differently). */
        long batch(Rng rng) {
            return rng.nextInt(5) == 0 ? 300 : 1 + rng.nextInt(7);
        }

        /** A network, a batch size, the input width, the inputs and the output width, drawn from {@code rng} in this order. */
        Setup setUp(Rng rng, boolean smallBatch) {
            Sequential network = network(rng);
            long n = smallBatch ? 1 + rng.nextInt(4) : batch(rng);
            int in = ((Linear) network.layers().get(0)).inputs();
            INDArray xs = input(rng, n, in);
            long outputs = network.layers().stream().filter(m -> m instanceof Linear).map(m -> (Linear) m)
                .reduce((p, q) -> q).orElseThrow().outputs();
            return new Setup(network, n, in, xs, outputs);
        }

        /** Values uniform on [-2, 2] (inputs, output weights), in one of the layouts (0 row-major, 1 column-major, 2 a strided view with an offset, 3 a column-major view with an offset). */
        INDArray input(Rng rng, long rows, long cols) {
            INDArray values = rng.uniform(-2, 2, rows, cols);
            switch (rng.nextInt(4)) {
                case 1:
                    return values.dup('f');
                case 2:
                    INDArray big = rng.uniform(-2, 2, rows + 3, 2 * cols + 1);
                    INDArray view = big.get(NDArrayIndex.interval(2, rows + 2), NDArrayIndex.interval(1, 2, 2 * cols + 1));
                    view.assign(values);
                    return view;
                case 3:
                    INDArray columns = rng.uniform(-2, 2, rows, cols + 2).dup('f');
                    INDArray offset = columns.get(NDArrayIndex.all(), NDArrayIndex.interval(2, cols + 2));
                    offset.assign(values);
                    return offset;
                default:
                    return values;
            }
        }
    }

    /** What every property starts from ({@link Case#setUp}). */
    record Setup(Sequential network, long n, int in, INDArray xs, long outputs) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.longs().between(0, 1_000_000).map(Case::new);
    }

    private static Tensor unfused(Sequential network, Tensor x) {
        Tensor h = x;
        for (Module layer : network.layers()) {
            h = layer.forward(h);
        }
        return h;
    }

    private static void compare(Case c, Function<Function<Tensor, Tensor>, Map<String, INDArray>> experiment,
                                Sequential network) {
        Map<String, INDArray> fused = experiment.apply(network::forward);
        Map<String, INDArray> plain = experiment.apply(x -> unfused(network, x));
        assertThat(fused.keySet()).as("what the fused node differentiates, case %s", c).isEqualTo(plain.keySet());
        plain.forEach((name, expected) -> {
            INDArray actual = fused.get(name);
            assertThat(actual == null).as("%s is null, case %s", name, c).isEqualTo(expected == null);
            if (expected == null) {
                return;
            }
            assertThat(actual.shape()).as("shape of %s, case %s, %s", name, c, network).isEqualTo(expected.shape());
            double scale = Math.max(expected.amaxNumber().doubleValue(), SMALLEST_SCALE);
            double difference = actual.sub(expected).amaxNumber().doubleValue() / scale;
            synchronized (LARGEST) {
                LARGEST.merge(name.replaceAll("[0-9]+", "#"), difference, Math::max);
            }
            assertThat(difference).as("%s, relative difference fused against layer by layer, case %s, %s", name, c,
                network).isLessThanOrEqualTo(BITWISE.matcher(name).lookingAt() ? 0 : TOLERANCE);
        });
    }

    private static void put(Map<String, INDArray> out, String what, List<Tensor> params, Tensor[] grads, Tensor x) {
        int offset = x == null ? 0 : 1;
        if (x != null) {
            out.put(what + " x", grads[0] == null ? null : grads[0].value());
        }
        for (int i = 0; i < params.size(); i++) {
            out.put(what + " p" + i, grads[offset + i].value());
        }
    }

    private static Tensor[] withX(Tensor x, List<Tensor> params) {
        List<Tensor> all = new ArrayList<>();
        all.add(x);
        all.addAll(params);
        return all.toArray(Tensor[]::new);
    }

    @Property(tries = 150)
    void valuesAndFirstDerivativesAgree(@ForAll("cases") Case c) {
        Rng setup = new Rng(c.seed());
        Setup s = c.setUp(setup, false);
        Sequential network = s.network();
        INDArray xs = s.xs();
        INDArray weights = c.input(setup, s.n(), s.outputs());
        boolean xConstant = setup.nextInt(4) == 0;
        List<Tensor> params = network.parameters();
        compare(c, f -> {
            Map<String, INDArray> out = new TreeMap<>();
            Tensor x = xConstant ? Tensor.constant(xs) : Tensor.variable(xs);
            Tensor y = f.apply(x);
            out.put("value", y.value());
            Tensor loss = y.mul(Tensor.constant(weights)).sum();
            Tensor[] inputs = xConstant ? params.toArray(Tensor[]::new) : withX(x, params);
            put(out, "first", params, Autograd.grad(new Tensor[] {loss}, inputs, null, false), xConstant ? null : x);
            Tensor[] seeded = Autograd.grad(new Tensor[] {y}, inputs, new Tensor[] {Tensor.constant(weights)}, false);
            put(out, "seeded", params, seeded, xConstant ? null : x);
            return out;
        }, network);
    }

    @Property(tries = 150)
    void secondDerivativesThroughGradXAgree(@ForAll("cases") Case c) {
        Rng setup = new Rng(c.seed());
        Setup s = c.setUp(setup, false);
        Sequential network = s.network();
        INDArray xs = s.xs();
        INDArray weights = c.input(setup, s.n(), s.outputs());
        INDArray target = setup.normal(s.n(), s.in());
        boolean weightDifferentiable = setup.nextInt(3) == 0;
        List<Tensor> params = network.parameters();
        compare(c, f -> {
            Map<String, INDArray> out = new TreeMap<>();
            Tensor x = Tensor.variable(xs);
            Tensor v = Tensor.variable(weights);
            Tensor y = f.apply(x);
            // A DSM-like loss: || grad_x <v, y> - target ||^2 with the weights on the output.
            Tensor g = weightDifferentiable ? v.mul(v) : Tensor.constant(weights);
            Tensor gradX = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, new Tensor[] {g}, true)[0];
            out.put("gradX", gradX.value());
            Tensor loss = gradX.sub(Tensor.constant(target)).square().sum().add(y.square().sum().mul(0.25));
            Tensor[] inputs = withX(x, params);
            if (weightDifferentiable) {
                inputs = withX(v, Arrays.asList(inputs));
            }
            Tensor[] second = Autograd.grad(new Tensor[] {loss}, inputs, null, false, true);
            if (weightDifferentiable) {
                out.put("second v", second[0].value());
                second = Arrays.copyOfRange(second, 1, second.length);
            }
            put(out, "second", params, second, x);
            // Tensor.backward: which leaves get a gradient (b of a last linear layer does not) and its value.
            params.forEach(Tensor::zeroGrad);
            gradX.sub(Tensor.constant(target)).square().sum().backward();
            for (int i = 0; i < params.size(); i++) {
                out.put("backward p" + i, params.get(i).grad() == null ? null : params.get(i).grad().dup());
            }
            params.forEach(Tensor::zeroGrad);
            return out;
        }, network);
    }

    @Property(tries = 60)
    void severalGradientsOfOneForwardPassAgree(@ForAll("cases") Case c) {
        Rng setup = new Rng(c.seed());
        Setup s = c.setUp(setup, false);
        Sequential network = s.network();
        INDArray xs = s.xs();
        INDArray first = setup.normal(s.n(), s.outputs());
        INDArray second = setup.normal(s.n(), s.outputs());
        List<Tensor> params = network.parameters();
        compare(c, f -> {
            // As implicit score matching's trace: one vector-Jacobian product per direction, all from one forward pass.
            Map<String, INDArray> out = new TreeMap<>();
            Tensor x = Tensor.variable(xs);
            Tensor y = f.apply(x);
            Tensor a = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, new Tensor[] {Tensor.constant(first)}, true)[0];
            Tensor b = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, new Tensor[] {Tensor.constant(second)}, true)[0];
            Tensor loss = a.mul(b).sum().add(a.square().sum()).add(y.square().mean());
            put(out, "several", params, Autograd.grad(new Tensor[] {loss}, withX(x, params), null, false, true), x);
            return out;
        }, network);
    }

    @Property(tries = 60)
    void thirdDerivativesFallBackToRecordedOperations(@ForAll("cases") Case c) {
        Rng setup = new Rng(c.seed());
        Setup s = c.setUp(setup, true);
        Sequential network = s.network();
        INDArray xs = s.xs();
        INDArray weights = setup.normal(s.n(), s.outputs());
        List<Tensor> params = network.parameters();
        compare(c, f -> {
            Map<String, INDArray> out = new TreeMap<>();
            Tensor x = Tensor.variable(xs);
            Tensor y = f.apply(x);
            Tensor gradX = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, new Tensor[] {Tensor.constant(weights)}, true)[0];
            Tensor loss = gradX.square().sum();
            Tensor[] second = Autograd.grad(new Tensor[] {loss}, withX(x, params), null, true, true);
            Tensor norm = second[0].square().sum();
            for (int i = 1; i < second.length; i++) {
                norm = second[i].requiresGrad() ? norm.add(second[i].square().sum()) : norm;
            }
            put(out, "third", params, Autograd.grad(new Tensor[] {norm}, withX(x, params), null, false, true), x);
            // First-order parameter gradients recorded (createGraph), then differentiated: the forward node's fallback.
            Tensor[] first = Autograd.grad(new Tensor[] {y}, withX(x, params), new Tensor[] {Tensor.constant(weights)}, true);
            Tensor penalty = first[1].square().sum().add(first[0].square().sum());
            put(out, "penalty", params, Autograd.grad(new Tensor[] {penalty}, withX(x, params), null, false, true), x);
            return out;
        }, network);
    }

    @AfterContainer
    static void printLargestDifferences() {
        System.out.println("FusedMlpProperties, largest relative differences fused against layer by layer: " + LARGEST);
    }
}
