package org.scorelab.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
        Tensor w = Tensor.variable(Nd4j.createFromArray(0.25, -0.75));
        ParameterGradientCheck.of("9.9", loss(w), List.of(w))
            .dependsOnTheParameters("gradient", "a loss that depends on w", "use Tensor operations")
            .matchesFiniteDifferences(() -> Autograd.noGrad(() -> loss(w).item()), 1e-6, k -> "d L / d w", k -> "a slip");
        assertEquals(0.25, w.value().getDouble(0), 0.0, "the parameter is restored after the differences");
    }

    @Test
    void aWrongGradientFailsNamingTheElementAndTheFiniteDifference() {
        Tensor w = Tensor.variable(Nd4j.createFromArray(0.25, -0.75));
        // Value L, gradient 2 dL/dw: 2L - constant(L).
        Tensor doubled = loss(w).mul(2).sub(Tensor.constant(loss(w).value().dup()));
        GradedFailure f = assertThrows(GradedFailure.class, () -> ParameterGradientCheck.of("9.9", doubled, List.of(w))
            .matchesFiniteDifferences(() -> Autograd.noGrad(() -> loss(w).item()), 1e-6, k -> "d L / d w" + k, k -> "a slip " + k));
        assertEquals("Task 9.9 (d L / d w0, element 0, against finite differences):\n"
            + "  expected 0.5000000 +- 1.500e-06, found 1.000000.\n"
            + "  Likely mistake: a slip 0", f.getMessage());
    }

    @Test
    void aConstantLossFailsBeforeAnyDifference() {
        Tensor w = Tensor.variable(Nd4j.createFromArray(0.25, -0.75));
        Tensor constant = Tensor.constant(loss(w).value().dup());
        GradedFailure f = assertThrows(GradedFailure.class, () -> ParameterGradientCheck.of("9.9", constant, List.of(w))
            .dependsOnTheParameters("gradient of the loss", "a loss that depends on w", "use Tensor operations"));
        assertEquals("Task 9.9 (gradient of the loss):\n"
            + "  expected a loss that depends on w, found a constant.\n"
            + "  Likely mistake: use Tensor operations", f.getMessage());
    }

    @Test
    void aHandComputationIsMatchedTo1e12Plus1e9Relative() {
        Tensor w = Tensor.variable(Nd4j.createFromArray(0.25, -0.75));
        assertEquals(0.625, ScalarLoss.matchesHandComputation("9.9", "L", 0.625 * (1 + 5e-10), loss(w), found -> "a slip"), 0.0);
        GradedFailure f = assertThrows(GradedFailure.class,
            () -> ScalarLoss.matchesHandComputation("9.9", "L on 2 points", 0.625 * (1 + 2e-9), loss(w), found -> "found " + found));
        assertEquals("Task 9.9 (L on 2 points):\n"
            + "  expected 0.6250000013 +- 6.260e-10, found 0.6250000000.\n"
            + "  Likely mistake: found 0.625", f.getMessage());
    }

    @Test
    void aLossOfMoreThanOneNumberFailsWithItsShape() {
        Tensor w = Tensor.variable(Nd4j.createFromArray(0.25, -0.75));
        GradedFailure f = assertThrows(GradedFailure.class, () -> ScalarLoss.value("9.9", w.square()));
        assertEquals("Task 9.9 (loss shape):\n"
            + "  expected [1], found [2].\n"
            + "  Likely mistake: check the axis of sums and means, and that the result has one row per point", f.getMessage());
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
