package org.scorelab.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Precision;
import org.scorelab.autograd.Tensor;

/**
 * The checks the suites share (the parameter gradient against finite differences, a loss's value against a hand
 * computation, sample moments), pinned with plain JUnit assertions: what they accept, and the full text they fail with.
 */
class SharedChecksTests {

    @BeforeAll
    static void doublePrecision() {
        Precision.useDouble();
    }

    /** L(w) = sum w^2, whose gradient is 2 w: (0.5, -1.5) at w = (0.25, -0.75). */
    private static Tensor loss(Tensor w) {
        return w.square().sum();
    }

    @Test
    void aLossBuiltFromTensorOperationsMatchesItsFiniteDifferences() {
        Tensor w = w();
        ParameterGradientCheck.of("9.9", loss(w), List.of(w))
            .dependsOnTheParameters("gradient", "a loss that depends on w", "use Tensor operations")
            .matchesFiniteDifferences(() -> Autograd.noGrad(() -> loss(w).item()), 1e-6, k -> "d L / d w", k -> "a slip");
        assertEquals(0.25, w.value().getDouble(0), 0.0, "the parameter is restored after the differences");
    }

    /** w = (0.25, -0.75), a variable. */
    private static Tensor w() {
        return Tensor.variable(Nd4j.createFromArray(0.25, -0.75));
    }

    /** Each failure's full text: the task, what was checked, expected, found, the likely mistake. */
    static Stream<Arguments> failures() {
        return Stream.of(
            Arguments.of("a wrong gradient names the element and the finite difference", (Executable) () -> {
                Tensor w = w();
                // Value L, gradient 2 dL/dw: 2L - constant(L).
                Tensor doubled = loss(w).mul(2).sub(Tensor.constant(loss(w).value().dup()));
                ParameterGradientCheck.of("9.9", doubled, List.of(w))
                    .matchesFiniteDifferences(() -> Autograd.noGrad(() -> loss(w).item()), 1e-6, k -> "d L / d w" + k, k -> "a slip " + k);
            }, "Task 9.9 (d L / d w0, element 0, against finite differences):\n"
                + "  expected 0.5000000 +- 1.500e-06, found 1.000000.\n"
                + "  Likely mistake: a slip 0"),
            Arguments.of("a constant loss fails before any difference", (Executable) () -> {
                Tensor w = w();
                ParameterGradientCheck.of("9.9", Tensor.constant(loss(w).value().dup()), List.of(w))
                    .dependsOnTheParameters("gradient of the loss", "a loss that depends on w", "use Tensor operations");
            }, "Task 9.9 (gradient of the loss):\n"
                + "  expected a loss that depends on w, found a constant.\n"
                + "  Likely mistake: use Tensor operations"),
            Arguments.of("a loss of more than one number fails with its shape", (Executable) () -> ScalarLoss.value("9.9", w().square()),
                "Task 9.9 (loss shape):\n"
                + "  expected [1], found [2].\n"
                + "  Likely mistake: check the axis of sums and means, and that the result has one row per point"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failsWithItsFullText(String what, Executable check, String text) {
        GradedFailure f = assertThrows(GradedFailure.class, check);
        assertEquals(text, f.getMessage());
    }

    @Test
    void aHandComputationIsMatchedTo1e12Plus1e9Relative() {
        Tensor w = w();
        assertEquals(0.625, ScalarLoss.matchesHandComputation("9.9", "L", 0.625 * (1 + 5e-10), loss(w), found -> "a slip"), 0.0);
        GradedFailure f = assertThrows(GradedFailure.class,
            () -> ScalarLoss.matchesHandComputation("9.9", "L on 2 points", 0.625 * (1 + 2e-9), loss(w), found -> "found " + found));
        assertEquals("Task 9.9 (L on 2 points):\n"
            + "  expected 0.6250000013 +- 6.260e-10, found 0.6250000000.\n"
            + "  Likely mistake: found 0.625", f.getMessage());
    }

    @Test
    void momentsOfASmallSample() {
        double[] v = {1, 2, 4, -3};
        assertEquals(1.0, SampleMoments.mean(v), 1e-15);
        assertEquals(26.0 / 3, SampleMoments.variance(v), 1e-14);
        assertEquals(Math.sqrt(26.0 / 3 / 4), SampleMoments.standardError(v), 1e-15);
        assertEquals(30.0, SampleMoments.sumOfSquares(v), 0.0);
        assertEquals(7.5, SampleMoments.meanSquare(v), 0.0);
        assertEquals(List.of(2.0, -3.0), java.util.Arrays.stream(SampleMoments.coordinate(v, 2, 1)).boxed().toList());
    }
}
