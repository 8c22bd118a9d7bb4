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
    void expectedAndFoundGetDigitsEnoughToShowTheirDifferenceAtTheToleranceScale() {
        // Issue 16: "expected 11.31 +- 2.131e-04, found 11.31" hid 11.312496 against 11.312217.
        GradedFailure f = Feedback.of("3.3", "loss").notClose(11.312496, 11.312217, 2.131e-4, "a slip");
        assertEquals("Task 3.3 (loss):\n"
            + "  expected 11.3125 +- 2.131e-04, found 11.3122.\n"
            + "  Likely mistake: a slip", f.getMessage());
        assertEquals("2.131e-04", f.tolerance());
    }

    @Test
    void numbersThatDifferNeverPrintAlike() {
        assertEquals("[11.3125, 11.3122]", java.util.Arrays.toString(Feedback.pair(11.312496, 11.312217, 0)));
        assertEquals("[(0.2500, 0.2500), (0.2500, 0.2501)]",
            java.util.Arrays.toString(Feedback.pair(new double[] {0.25, 0.25}, new double[] {0.25, 0.25006}, 0)));
        assertEquals("[1.000000000e-12, 1.000000001e-12]", java.util.Arrays.toString(Feedback.pair(1e-12, 1.000000001e-12, 0)));
        assertEquals("[0.3333, 0.5000]", java.util.Arrays.toString(Feedback.pair(1.0 / 3, 0.5, 0)));
        assertEquals("[at most 3, 7]", java.util.Arrays.toString(Feedback.pair("at most 3", 7, 0)));
    }

    @Test
    void aVectorWithinTheToleranceScaleGetsTheSameDigitsAsItsExpectation() {
        GradedFailure f = Feedback.of("4.1", "mean of the mode").notClose(new double[] {0.25, 0.25}, new double[] {0.2380, 0.2531},
            0.01, "a slip");
        assertEquals("Task 4.1 (mean of the mode):\n  expected (0.2500, 0.2500) +- 0.01000, found (0.2380, 0.2531).\n"
            + "  Likely mistake: a slip", f.getMessage());
    }

    @Test
    void aStatisticPrintsExpectedAndFoundSoTheyDiffer() {
        GradedFailure f = Feedback.of("1.1", "variance").statistic(0.01, 0.0100213, "+- 1.22e-05", 1e-7, "");
        assertEquals("Task 1.1 (variance):\n  expected 0.01000 within +- 1.22e-05 (a correct solution fails this with "
            + "probability 1e-07), found 0.01002.", f.getMessage());
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
