package org.scorelab.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** torch.autograd semantics, pinned by examples worked out by hand. */
class AutogradTests {

    @Nested
    class Grad {
        @Test
        void gradientOfAProductRule() {
            Tensor x = Tensor.variable(Nd4j.createFromArray(2.0, 3.0));
            Tensor y = x.square().mul(x.exp()).sum(); // d/dx x^2 e^x = (2x + x^2) e^x
            Tensor g = Autograd.grad(y, x, false);
            assertThat(g.value().getDouble(0)).isCloseTo(8 * Math.exp(2), within(1e-12));
            assertThat(g.value().getDouble(1)).isCloseTo(15 * Math.exp(3), within(1e-10));
            assertThat(g.requiresGrad()).as("without createGraph the gradient is a constant").isFalse();
        }

        @Test
        void secondDerivativeWithCreateGraph() {
            Tensor x = Tensor.variable(Nd4j.createFromArray(0.5));
            Tensor y = x.pow(4).sum(); // y'' = 12 x^2 = 3
            Tensor dy = Autograd.grad(y, x, true);
            assertThat(dy.requiresGrad()).isTrue();
            Tensor d2y = Autograd.grad(dy.sum(), x, false);
            assertThat(d2y.item()).isCloseTo(3.0, within(1e-12));
        }

        @Test
        void gradOutputsWeightANonScalarOutput() {
            Tensor x = Tensor.variable(Nd4j.createFromArray(new double[][] {{1, 2}}));
            Tensor y = x.mul(3.0);
            Tensor g = Autograd.grad(new Tensor[] {y}, new Tensor[] {x},
                new Tensor[] {Tensor.of(new double[][] {{10, 100}})}, false)[0];
            assertThat(g.value().toDoubleVector()).containsExactly(30, 300);
        }

        @Test
        void aNonScalarOutputNeedsGradOutputs() {
            Tensor x = Tensor.variable(Nd4j.createFromArray(1.0, 2.0));
            assertThatThrownBy(() -> Autograd.grad(x.mul(2.0), x, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one-element outputs");
        }

        @Test
        void anUnusedInputIsAnErrorUnlessAllowed() {
            Tensor x = Tensor.variable(Nd4j.createFromArray(1.0));
            Tensor sigma = Tensor.variable(Nd4j.createFromArray(0.5));
            Tensor y = x.square().sum();
            assertThatThrownBy(() -> Autograd.grad(new Tensor[] {y}, new Tensor[] {sigma}, null, false))
                .hasMessageContaining("was not used");
            Tensor g = Autograd.grad(new Tensor[] {y}, new Tensor[] {sigma}, null, false, true)[0];
            assertThat(g.item()).isZero();
        }

        @Test
        void anOutputOfConstantsHasNoGradient() {
            Tensor c = Tensor.constant(Nd4j.createFromArray(1.0));
            assertThatThrownBy(() -> Autograd.grad(c.exp().sum(), c, false))
                .hasMessageContaining("does not require gradients");
        }

        @Test
        void noGradRecordsNothing() {
            Tensor x = Tensor.variable(Nd4j.createFromArray(1.0));
            Tensor y = Autograd.noGrad(() -> x.exp());
            assertThat(y.requiresGrad()).isFalse();
        }

        @Test
        void aTensorUsedTwiceAccumulatesBothPaths() {
            Tensor x = Tensor.variable(Nd4j.createFromArray(3.0));
            Tensor y = x.mul(x).add(x).sum(); // 2x + 1 = 7
            assertThat(Autograd.grad(y, x, false).item()).isEqualTo(7.0);
        }
    }

    @Nested
    class Backward {
        @Test
        void accumulatesIntoLeavesAcrossCallsUntilZeroed() {
            Tensor w = Tensor.variable(Nd4j.createFromArray(2.0));
            w.mul(3.0).sum().backward();
            w.mul(3.0).sum().backward();
            assertThat(w.grad().getDouble(0)).isEqualTo(6.0);
            w.zeroGrad();
            assertThat(w.grad()).isNull();
        }

        @Test
        void broadcastBiasGetsTheSumOverTheBatch() {
            Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
            Tensor b = Tensor.variable(Nd4j.createFromArray(0.0, 0.0));
            x.add(b).sum().backward();
            assertThat(b.grad().toDoubleVector()).containsExactly(3, 3);
        }
    }

    @Nested
    class Numerics {
        @Test
        void softplusAndLogSigmoidStayFiniteAtLargeArguments() {
            Tensor x = Tensor.variable(Nd4j.createFromArray(-1e4, -50.0, 0.0, 50.0, 1e4));
            assertThat(x.softplus().value().toDoubleVector())
                .containsExactly(new double[] {0.0, Math.exp(-50), Math.log(2), 50.0, 1e4}, within(1e-15));
            assertThat(x.logSigmoid().value().toDoubleVector())
                .containsExactly(new double[] {-1e4, -50.0, -Math.log(2), -Math.exp(-50), 0.0}, within(1e-12));
            Tensor g = Autograd.grad(x.logSigmoid().sum(), x, false);
            assertThat(java.util.Arrays.stream(g.value().toDoubleVector()).allMatch(Double::isFinite)).isTrue();
            assertThat(g.value().toDoubleVector()).containsExactly(new double[] {1.0, 1.0, 0.5, 0.0, 0.0}, within(1e-15));
        }

        @Test
        void nonFiniteScalarsPropagateAsIeeeSays() {
            Tensor x = Tensor.constant(Nd4j.createFromArray(1.0, -2.0));
            assertThat(x.mul(Double.NaN).value().toDoubleVector()).containsExactly(Double.NaN, Double.NaN);
            assertThat(x.add(Double.NaN).value().toDoubleVector()).containsExactly(Double.NaN, Double.NaN);
            assertThat(x.mul(Double.POSITIVE_INFINITY).value().toDoubleVector())
                .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        }

        @Test
        void eluMatchesItsDefinition() {
            Tensor x = Tensor.constant(Nd4j.createFromArray(-2.0, 0.5));
            assertThat(x.elu().value().toDoubleVector()).containsExactly(new double[] {Math.exp(-2) - 1, 0.5}, within(1e-15));
        }
    }

    @Nested
    class Shapes {
        @Test
        void incompatibleShapesNameBothShapes() {
            Tensor a = Tensor.of(new double[][] {{1, 2, 3}});
            Tensor b = Tensor.of(new double[][] {{1, 2}});
            assertThatThrownBy(() -> a.add(b)).hasMessage("add: shapes [1, 3] and [1, 2] do not broadcast");
        }

        @Test
        void matmulNamesTheInnerDimensions() {
            Tensor a = Tensor.of(new double[][] {{1, 2, 3}});
            assertThatThrownBy(() -> a.matmul(a)).hasMessageContaining("inner dimensions differ, [1, 3] x [1, 3]");
        }

        @Test
        void sumOverAxisDropsIt() {
            Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
            assertThat(x.sum(1).shape()).containsExactly(3);
            assertThat(x.sum(0, true).shape()).containsExactly(1, 2);
            assertThat(x.sum(1).value().toDoubleVector()).containsExactly(3, 7, 11);
        }
    }
}
