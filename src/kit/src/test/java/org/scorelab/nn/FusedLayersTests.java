package org.scorelab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Scratch;
import org.scorelab.autograd.Tensor;
import org.scorelab.random.Rng;

/** Which Sequential networks are fused, and that the fused one behaves as the layers do where they are not compared in {@link FusedMlpProperties}. */
class FusedLayersTests {
    private final Rng rng = new Rng(7);

    @Test
    void linearLayersWithAtMostOneActivationEachAreFused() {
        assertThat(FusedLayers.of(Mlp.input(3).hidden(4, 4).output(1).build(rng).layers())).isNotNull();
        assertThat(FusedLayers.of(List.of(new Linear(2, 3, rng), new Linear(3, 1, rng), Activation.TANH))).isNotNull();
    }

    @Test
    void anythingElseIsEvaluatedLayerByLayer() {
        Module custom = new Module() {
            @Override
            public Tensor forward(Tensor input) {
                return input.mul(2.0);
            }

            @Override
            public Map<String, Tensor> namedParameters() {
                return Map.of();
            }
        };
        assertThat(FusedLayers.of(List.of(Activation.ELU, new Linear(2, 3, rng)))).isNull();
        assertThat(FusedLayers.of(List.of(new Linear(2, 3, rng), Activation.ELU, Activation.ELU))).isNull();
        assertThat(FusedLayers.of(List.of(new Linear(2, 3, rng), custom))).isNull();
        assertThat(FusedLayers.of(List.of(new Linear(2, 3, rng), new Linear(4, 1, rng)))).isNull();
    }

    @Test
    void aWrongInputFailsWithTheLayersMessage() {
        Sequential network = Mlp.input(3).hidden(4).output(1).build(rng);
        assertThatThrownBy(() -> network.forward(Tensor.variable(rng.normal(5, 2))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Linear(3 -> 4) needs input of shape [n, 3], got [5, 2]");
        Sequential mismatched = new Sequential(new Linear(2, 3, rng), Activation.ELU, new Linear(4, 1, rng));
        assertThatThrownBy(() -> mismatched.forward(Tensor.variable(rng.normal(5, 2))))
            .hasMessage("Linear(4 -> 1) needs input of shape [n, 4], got [5, 3]");
    }

    @Test
    void withoutGradientsItRecordsNothingAndGivesTheSameValues() {
        Sequential network = Mlp.input(2).hidden(8).activation(Activation.SILU).output(2).build(rng);
        Tensor x = Tensor.variable(rng.normal(6, 2));
        Tensor y = Autograd.noGrad(() -> network.forward(x));
        assertThat(y.requiresGrad()).isFalse();
        assertThat(y.value()).isEqualTo(network.forward(x).value());
    }

    @Test
    void aStepInAScratchScopeGivesTheGradientsOfOneOutside() {
        Sequential network = Mlp.input(3).hidden(16, 16).activation(Activation.ELU).output(1).build(rng);
        INDArray points = rng.normal(32, 3);
        INDArray outside = dsmLikeGradient(network, points);
        INDArray inside = Scratch.compute(() -> dsmLikeGradient(network, points));
        assertThat(inside).isEqualTo(outside);
    }

    @Test
    void leavesKeepTheirOwnGradientsAcrossBackwardCalls() {
        Sequential network = Mlp.input(2).hidden(5).activation(Activation.TANH).output(1).build(rng);
        Tensor a = Tensor.variable(rng.normal(4, 2));
        Tensor b = Tensor.variable(rng.normal(4, 2));
        Tensor weight = network.parameters().get(0);
        weight.zeroGrad();
        // The fused node's x-gradient reaches both a and b through the same add: each leaf must get its own array.
        network.forward(a.add(b)).sum().backward();
        INDArray once = a.grad().dup();
        INDArray weightOnce = weight.grad().dup();
        assertThat(b.grad()).isEqualTo(once).isNotSameAs(a.grad());
        network.forward(a.add(b)).sum().backward();
        assertThat(a.grad()).isEqualTo(once.mul(2));
        assertThat(b.grad()).isEqualTo(once.mul(2));
        assertThat(weight.grad()).isEqualTo(weightOnce.mul(2));
        weight.zeroGrad();
    }

    /** The gradient in the first weight of ||grad_x f||^2, as the DSM step computes it. */
    private static INDArray dsmLikeGradient(Sequential network, INDArray points) {
        Tensor x = Tensor.variable(points);
        Tensor gradX = Autograd.grad(network.forward(x).sum(), x, true);
        Tensor weight = network.parameters().get(0);
        return Autograd.grad(gradX.square().sum(), weight, false).value().dup();
    }
}
