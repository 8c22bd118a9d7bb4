package org.scorelab.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.scorelab.optim.FixedGradients.feed;
import static org.scorelab.optim.FixedGradients.parameter;
import static org.scorelab.optim.FixedGradients.values;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.scorelab.autograd.Tensor;

/** torch.optim.SGD's update, pinned by steps worked out by hand. */
class SgdTests {
    private static final double[] G1 = {0.4, -1.0};
    private static final double[] G2 = {0.2, 3.0};
    private static final double[] G3 = {-0.6, 0.5};

    /** Runs three steps with gradients G1, G2, G3 from p = (1, -2) and returns the parameter after each. */
    private static double[][] threeSteps(Sgd.Builder settings) {
        Tensor p = parameter(1.0, -2.0);
        Sgd sgd = settings.build(List.of(p));
        double[][] trajectory = new double[3][];
        double[][] grads = {G1, G2, G3};
        for (int t = 0; t < 3; t++) {
            feed(p, grads[t]);
            sgd.step();
            trajectory[t] = values(p);
        }
        return trajectory;
    }

    private static void assertTrajectory(double[][] actual, double[][] expected) {
        for (int t = 0; t < expected.length; t++) {
            for (int i = 0; i < expected[t].length; i++) {
                assertThat(actual[t][i]).as("coordinate %d after step %d", i, t + 1)
                    .isCloseTo(expected[t][i], within(1e-15 * Math.max(1, Math.abs(expected[t][i]))));
            }
        }
    }

    @Nested
    class HandComputedSteps {
        @Test
        void plainStepsFollowTheNegativeGradient() {
            double lr = 0.1;
            assertTrajectory(threeSteps(Sgd.withLearningRate(lr)), new double[][] {
                {1 - lr * 0.4, -2 + lr * 1.0},
                {1 - lr * 0.4 - lr * 0.2, -2 + lr * 1.0 - lr * 3.0},
                {1 - lr * 0.4 - lr * 0.2 + lr * 0.6, -2 + lr * 1.0 - lr * 3.0 - lr * 0.5}});
        }

        @Test
        void momentumStartsItsBufferAtTheFirstGradient() {
            double lr = 0.1;
            double mu = 0.9;
            double[] b1 = {0.4, -1.0};
            double[] b2 = {mu * 0.4 + 0.2, mu * -1.0 + 3.0};
            double[] b3 = {mu * b2[0] - 0.6, mu * b2[1] + 0.5};
            double[] p1 = {1 - lr * b1[0], -2 - lr * b1[1]};
            double[] p2 = {p1[0] - lr * b2[0], p1[1] - lr * b2[1]};
            double[] p3 = {p2[0] - lr * b3[0], p2[1] - lr * b3[1]};
            assertTrajectory(threeSteps(Sgd.withLearningRate(lr).momentum(mu)), new double[][] {p1, p2, p3});
        }

        @Test
        void nesterovLooksAheadAlongTheBuffer() {
            double lr = 0.05;
            double mu = 0.8;
            double[] b1 = {0.4, -1.0};
            double[] b2 = {mu * 0.4 + 0.2, mu * -1.0 + 3.0};
            double[] b3 = {mu * b2[0] - 0.6, mu * b2[1] + 0.5};
            double[] p1 = {1 - lr * (0.4 + mu * b1[0]), -2 - lr * (-1.0 + mu * b1[1])};
            double[] p2 = {p1[0] - lr * (0.2 + mu * b2[0]), p1[1] - lr * (3.0 + mu * b2[1])};
            double[] p3 = {p2[0] - lr * (-0.6 + mu * b3[0]), p2[1] - lr * (0.5 + mu * b3[1])};
            assertTrajectory(threeSteps(Sgd.withLearningRate(lr).momentum(mu).nesterov(true)),
                new double[][] {p1, p2, p3});
        }

        @Test
        void dampeningScalesNewGradientsButNotTheFirst() {
            double lr = 0.1;
            double mu = 0.5;
            double d = 0.3;
            double[] b1 = {0.4, -1.0}; // PyTorch: the first buffer is the gradient itself, undamped
            double[] b2 = {mu * 0.4 + (1 - d) * 0.2, mu * -1.0 + (1 - d) * 3.0};
            double[] b3 = {mu * b2[0] + (1 - d) * -0.6, mu * b2[1] + (1 - d) * 0.5};
            double[] p1 = {1 - lr * b1[0], -2 - lr * b1[1]};
            double[] p2 = {p1[0] - lr * b2[0], p1[1] - lr * b2[1]};
            double[] p3 = {p2[0] - lr * b3[0], p2[1] - lr * b3[1]};
            assertTrajectory(threeSteps(Sgd.withLearningRate(lr).momentum(mu).dampening(d)),
                new double[][] {p1, p2, p3});
        }

        @Test
        void weightDecayAddsTheParameterToTheGradient() {
            double lr = 0.1;
            double wd = 0.2;
            double[] p1 = {1 - lr * (0.4 + wd * 1), -2 - lr * (-1.0 + wd * -2)};
            double[] p2 = {p1[0] - lr * (0.2 + wd * p1[0]), p1[1] - lr * (3.0 + wd * p1[1])};
            double[] p3 = {p2[0] - lr * (-0.6 + wd * p2[0]), p2[1] - lr * (0.5 + wd * p2[1])};
            assertTrajectory(threeSteps(Sgd.withLearningRate(lr).weightDecay(wd)), new double[][] {p1, p2, p3});
        }
    }

    @Test
    void theShortConstructorIsPlainGradientDescent() {
        Tensor p = parameter(1.0, -2.0);
        Sgd sgd = new Sgd(List.of(p), 0.5);
        feed(p, G1);
        sgd.step();
        assertThat(values(p)).containsExactly(1 - 0.5 * 0.4, -2 + 0.5);
        assertThat(sgd).hasToString("Sgd(lr=0.5, momentum=0.0, dampening=0.0, weightDecay=0.0, nesterov=false)");
    }

    @Test
    void theGradientIsNotModified() {
        Tensor p = parameter(1.0, -2.0);
        feed(p, G1);
        Sgd.withLearningRate(0.1).momentum(0.9).weightDecay(0.1).nesterov(true).build(List.of(p)).step();
        assertThat(p.grad().toDoubleVector()).containsExactly(G1);
    }

    @Nested
    class Validation {
        private final List<Tensor> ps = List.of(parameter(0));

        @Test
        void theLearningRateMustBePositive() {
            assertThatThrownBy(() -> new Sgd(ps, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the learning rate lr must be positive and finite, found 0.0");
            assertThatThrownBy(() -> new Sgd(ps, -0.1)).hasMessageContaining("found -0.1");
            assertThatThrownBy(() -> new Sgd(ps, Double.NaN)).hasMessageContaining("found NaN");
            assertThatThrownBy(() -> new Sgd(ps, Double.POSITIVE_INFINITY)).hasMessageContaining("found Infinity");
        }

        @Test
        void momentumDampeningAndWeightDecayHaveRanges() {
            assertThatThrownBy(() -> Sgd.withLearningRate(0.1).momentum(-0.5).build(ps))
                .hasMessage("momentum must be in [0, 1), found -0.5");
            assertThatThrownBy(() -> Sgd.withLearningRate(0.1).momentum(0.5).dampening(1.5).build(ps))
                .hasMessage("dampening must be in [0, 1], found 1.5");
            assertThatThrownBy(() -> Sgd.withLearningRate(0.1).weightDecay(-1e-4).build(ps))
                .hasMessage("weightDecay must be non-negative and finite, found -1.0E-4");
        }

        @Test
        void nesterovNeedsMomentumAndNoDampening() {
            assertThatThrownBy(() -> Sgd.withLearningRate(0.1).nesterov(true).build(ps))
                .hasMessage("nesterov momentum needs a positive momentum and zero dampening, found momentum = 0.0 "
                    + "and dampening = 0.0");
            assertThatThrownBy(() -> new Sgd(ps, 0.1, 0.9, 0.1, 0, true))
                .hasMessageContaining("momentum = 0.9 and dampening = 0.1");
        }

        @Test
        void aParameterThatDoesNotRequireGradientsIsRefused() {
            assertThatThrownBy(() -> new Sgd(List.of(Tensor.constant(1.0)), 0.1))
                .hasMessageContaining("does not require gradients");
        }
    }
}
