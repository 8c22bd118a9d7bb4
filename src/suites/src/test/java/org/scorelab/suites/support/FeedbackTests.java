package org.scorelab.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Pins the full text of every kind of failure message, with plain JUnit assertions (not the checks under test), and
 * that each keeps its facts as data for the grader.
 */
class FeedbackTests {

    @Test
    void notCloseNamesTaskExpectedToleranceFoundAndMistake() {
        GradedFailure f = Feedback.of("3.4", "analytic score, sigma = 0.1").notClose(new double[] {0, 0},
            new double[] {-0.198, -0.198}, "1e-08", "check the sign of (mu_k - x)");
        assertEquals("Task 3.4 (analytic score, sigma = 0.1):\n"
            + "  expected (0, 0) +- 1e-08, found (-0.1980, -0.1980).\n"
            + "  Likely mistake: check the sign of (mu_k - x)", f.getMessage());
        assertEquals("3.4", f.task());
        assertEquals("analytic score, sigma = 0.1", f.check());
        assertEquals("1e-08", f.tolerance());
        assertEquals("check the sign of (mu_k - x)", f.likelyMistake());
        assertTrue(f.isExpectedDefined() && f.isActualDefined());
    }

    @Test
    void statisticStatesTheFalseFailureRate() {
        GradedFailure f = Feedback.of("1.1", "fraction of the sample in component 2")
            .statistic(1.0 / 3, 0.5, "+- 0.0251 (5.33 standard errors)", 1e-7, "draw component k for a fraction pi_k");
        assertEquals("Task 1.1 (fraction of the sample in component 2):\n"
            + "  expected 0.3333 within +- 0.0251 (5.33 standard errors) (a correct solution fails this with probability 1e-07),"
            + " found 0.5000.\n"
            + "  Likely mistake: draw component k for a fraction pi_k", f.getMessage());
    }

    @Test
    void mismatchFormatsShapesAndOmitsAnEmptyMistake() {
        GradedFailure f = Feedback.of("3.2", "energy shape").mismatch(new long[] {16, 1}, new long[] {16}, "");
        assertEquals("Task 3.2 (energy shape):\n  expected [16, 1], found [16].", f.getMessage());
        assertEquals("exact", f.tolerance());
    }

    @Test
    void numbersUseFourSignificantDigitsOrScientificNotation() {
        assertEquals("0.1235", Feedback.number(0.123456));
        assertEquals("1.235e-04", Feedback.number(0.000123456));
        assertEquals("1.235e+05", Feedback.number(123456.0));
        assertEquals("NaN", Feedback.number(Double.NaN));
        assertEquals("0", Feedback.number(0.0));
    }

    @Test
    void thresholdsMatchTheNormalAndChiSquaredTables() {
        assertEquals(5.327, Thresholds.twoSidedZ(1e-7), 1e-3);
        assertEquals(5.199, Thresholds.oneSidedZ(1e-7), 1e-3);
        // chi-squared with 2 degrees of freedom: P(X > t) = exp(-t / 2), so t = 2 ln(1e7) = 32.24.
        assertEquals(2 * Math.log(1e7), Thresholds.chiSquaredUpper(2, 1e-7), 1e-6);
    }
}
