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
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;

/** torch.optim.Adam's update, pinned by steps worked out by hand in plain double arithmetic. */
class AdamTests {

    private static void assertRelativelyClose(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-15 * Math.abs(expected)));
    }

    /**
     * Adam in plain doubles, from the PyTorch docs' algorithm: g = grad + wd p, m = b1 m + (1 - b1) g,
     * v = b2 v + (1 - b2) g^2, vMax = max(vMax, v), p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
     */
    private static double[] byHand(double p, double[] grads, double lr, double b1, double b2, double eps, double wd,
                                   boolean amsgrad) {
        double[] trajectory = new double[grads.length];
        double m = 0;
        double v = 0;
        double vMax = 0;
        for (int t = 1; t <= grads.length; t++) {
            double g = grads[t - 1] + wd * p;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            vMax = Math.max(vMax, v);
            double second = amsgrad ? vMax : v;
            p = p - lr / (1 - Math.pow(b1, t)) * m / (Math.sqrt(second) / Math.sqrt(1 - Math.pow(b2, t)) + eps);
            trajectory[t - 1] = p;
        }
        return trajectory;
    }

    private static double[] run(Adam adam, Tensor p, double[] grads) {
        double[] trajectory = new double[grads.length];
        for (int t = 0; t < grads.length; t++) {
            feed(p, grads[t]);
            adam.step();
            trajectory[t] = p.value().getDouble(0);
        }
        return trajectory;
    }

    @Nested
    class HandComputedSteps {
        @Test
        void threeStepsOfAScalarParameterWithTheDefaults() {
            Tensor p = parameter(1.5);
            Adam adam = new Adam(List.of(p));
            double[] g = {0.5, -0.2, 1.5};
            double lr = 1e-3;
            double b1 = 0.9;
            double b2 = 0.999;
            double eps = 1e-8;
            // step 1
            double m1 = (1 - b1) * g[0];
            double v1 = (1 - b2) * g[0] * g[0];
            double p1 = 1.5 - lr / (1 - b1) * m1 / (Math.sqrt(v1) / Math.sqrt(1 - b2) + eps);
            // step 2
            double m2 = b1 * m1 + (1 - b1) * g[1];
            double v2 = b2 * v1 + (1 - b2) * g[1] * g[1];
            double p2 = p1 - lr / (1 - b1 * b1) * m2 / (Math.sqrt(v2) / Math.sqrt(1 - b2 * b2) + eps);
            // step 3
            double m3 = b1 * m2 + (1 - b1) * g[2];
            double v3 = b2 * v2 + (1 - b2) * g[2] * g[2];
            double p3 = p2 - lr / (1 - b1 * b1 * b1) * m3 / (Math.sqrt(v3) / Math.sqrt(1 - b2 * b2 * b2) + eps);

            double[] expected = {p1, p2, p3};
            double[] actual = run(adam, p, g);
            for (int t = 0; t < 3; t++) {
                assertRelativelyClose(actual[t], expected[t], "parameter after step " + (t + 1));
            }
            assertThat(adam.stepCount()).isEqualTo(3);
        }

        @Test
        void weightDecayIsAddedToTheGradient() {
            double[] g = {0.3, 0.1, -0.4};
            double[] expected = byHand(2.0, g, 0.05, 0.8, 0.9, 1e-6, 0.1, false);
            Tensor p = parameter(2.0);
            double[] actual = run(new Adam(List.of(p), 0.05, 0.8, 0.9, 1e-6, 0.1, false), p, g);
            for (int t = 0; t < 3; t++) {
                assertRelativelyClose(actual[t], expected[t], "parameter after step " + (t + 1));
            }
        }

        @Test
        void amsgradNormalisesByTheLargestSecondMoment() {
            double[] g = {2.0, 0.1, 0.05};
            Tensor p = parameter(-0.5);
            double[] expected = byHand(-0.5, g, 0.01, 0.9, 0.5, 1e-8, 0, true);
            double[] actual = run(new Adam(List.of(p), 0.01, 0.9, 0.5, 1e-8, 0, true), p, g);
            for (int t = 0; t < 3; t++) {
                assertRelativelyClose(actual[t], expected[t], "parameter after step " + (t + 1));
            }
        }
    }

    @Test
    void theFirstStepMovesEveryCoordinateByTheLearningRate() {
        double[] g = {1e-3, -2.0, 50.0, -1e4};
        Tensor p = parameter(0, 0, 0, 0);
        double lr = 0.01;
        feed(p, g);
        new Adam(List.of(p), lr).step();
        double[] moved = values(p);
        for (int i = 0; i < g.length; i++) {
            // m1 / sqrt(v1) = sign(g) after bias correction; eps shrinks the step by a factor |g| / (|g| + eps)
            assertThat(moved[i]).as("coordinate %d, gradient %s", i, g[i])
                .isCloseTo(-lr * Math.signum(g[i]), within(lr * (1e-8 / Math.abs(g[i]) + 1e-14)));
        }
    }

    @Test
    void weightDecayIsAnL2PenaltyNotDecoupledDecay() {
        Tensor p = parameter(3.0, -3.0);
        feed(p, 0, 0);
        new Adam(List.of(p), 0.1, 0.9, 0.999, 1e-8, 0.01, false).step();
        // g = wd * p, and Adam normalises it: the first step is lr * sign(p), not AdamW's lr * wd * p = 0.003
        assertThat(values(p)).containsExactly(new double[] {2.9, -2.9}, within(1e-6));
    }

    @Test
    void amsgradDiffersFromPlainAdamOnlyOnceGradientsShrink() {
        double[] g = {1.0, 0.9, 0.1, 0.1};
        Tensor plain = parameter(0.0);
        Tensor ams = parameter(0.0);
        double[] plainTrajectory = run(new Adam(List.of(plain), 0.1, 0.9, 0.5, 1e-8, 0, false), plain, g);
        double[] amsTrajectory = run(new Adam(List.of(ams), 0.1, 0.9, 0.5, 1e-8, 0, true), ams, g);
        assertThat(amsTrajectory[0]).as("step 1: v only grew so far").isEqualTo(plainTrajectory[0]);
        assertThat(amsTrajectory[3]).as("after the gradient shrank").isNotEqualTo(plainTrajectory[3]);
        double plainLastStep = Math.abs(plainTrajectory[3] - plainTrajectory[2]);
        double amsLastStep = Math.abs(amsTrajectory[3] - amsTrajectory[2]);
        assertThat(amsLastStep).as("the larger remembered v makes amsgrad's step smaller").isLessThan(plainLastStep);
    }

    @Nested
    class StatePerParameter {
        @Test
        void twoParametersOfDifferentShapesMoveAsIfOptimisedAlone() {
            Tensor a = Tensor.variable(Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}}));
            Tensor b = parameter(-1, 0.5, 2, 7);
            Tensor aAlone = Tensor.variable(a.value().dup());
            Tensor bAlone = Tensor.variable(b.value().dup());
            Adam together = new Adam(List.of(a, b), 0.05);
            Adam onlyA = new Adam(List.of(aAlone), 0.05);
            Adam onlyB = new Adam(List.of(bAlone), 0.05);
            for (int t = 1; t <= 4; t++) {
                double[] ga = {t, -t, 0.5, 2.0 / t, -3, 0.1 * t};
                double[] gb = {1.0 / t, 4, -t * t, 0.25};
                feed(a, ga);
                feed(b, gb);
                feed(aAlone, ga);
                feed(bAlone, gb);
                together.step();
                onlyA.step();
                onlyB.step();
            }
            assertThat(a.value()).isEqualTo(aAlone.value());
            assertThat(b.value()).isEqualTo(bAlone.value());
        }

        @Test
        void aParameterWithoutAGradientIsSkippedAndKeepsItsStepCount() {
            Tensor a = parameter(1.0);
            Tensor b = parameter(2.0);
            Adam adam = new Adam(List.of(a, b), 0.1);
            feed(a, 1.0);
            feed(b, 1.0);
            adam.step();
            b.zeroGrad();
            feed(a, 1.0);
            adam.step();
            assertThat(adam.stepCount(0)).isEqualTo(2);
            assertThat(adam.stepCount(1)).isEqualTo(1);
            assertThat(adam.stepCount()).isEqualTo(2);
            assertThat(b.value().getDouble(0)).isCloseTo(1.9, within(1e-6));
        }
    }

    @Test
    void theDefaultsArePyTorchs() {
        assertThat(new Adam(List.of(parameter(0))).toString())
            .isEqualTo("Adam(lr=0.001, betas=(0.9, 0.999), eps=1.0E-8, weightDecay=0.0, amsgrad=false)");
    }

    @Test
    void badSettingsFailNamingTheArgument() {
        List<Tensor> ps = List.of(parameter(0));
        assertThatThrownBy(() -> new Adam(ps, 0))
            .hasMessage("the learning rate lr must be positive and finite, found 0.0");
        assertThatThrownBy(() -> new Adam(ps, Double.NaN)).hasMessageContaining("lr must be positive");
        assertThatThrownBy(() -> new Adam(ps, 1e-3, 1.0, 0.999, 1e-8, 0, false))
            .hasMessage("beta1 must be in [0, 1) and finite, found 1.0");
        assertThatThrownBy(() -> new Adam(ps, 1e-3, 0.9, -0.1, 1e-8, 0, false))
            .hasMessage("beta2 must be in [0, 1) and finite, found -0.1");
        assertThatThrownBy(() -> new Adam(ps, 1e-3, 0.9, 0.999, -1, 0, false))
            .hasMessage("eps must be non-negative and finite, found -1.0");
        assertThatThrownBy(() -> new Adam(ps, 1e-3, 0.9, 0.999, 1e-8, Double.POSITIVE_INFINITY, false))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("weightDecay must be non-negative and finite, found Infinity");
    }
}
