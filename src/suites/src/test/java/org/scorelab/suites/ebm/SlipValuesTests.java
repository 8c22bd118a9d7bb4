package org.scorelab.suites.ebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.autograd.Precision;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Slips;

/** The closed-form check of Task 3.1.1 names one slip per wrong value: its inputs keep the slips' values apart. */
class SlipValuesTests {
    @Test
    void everyImplicitScoreMatchingSlipGivesItsOwnValue() {
        Precision.useDouble();
        Models.LinearScore s = new Models.LinearScore(ImplicitScoreMatchingTests.CLOSED_FORM_A, new double[] {0.2, -0.1});
        INDArray x = new Rng(311).normal(9, 2);
        Map<String, Double> candidates = ImplicitScoreMatchingTests.closedFormCandidates(s, x);
        assertTrue(Slips.distinct(candidates), candidates.toString());
        // A trace over the first coordinate only is named as such, not as "the sum of ALL Jacobian entries".
        double firstOnly = candidates.get("right") - s.trace() + ImplicitScoreMatchingTests.CLOSED_FORM_A[0][0];
        candidates.remove("right");
        assertEquals("the trace covers the first coordinate only: add d s_i / d x_i for every input dimension i",
            Slips.named(candidates, firstOnly, "fallback"));
    }

    @Test
    void slipsThatCoincideAreAllNamed() {
        assertEquals("a; or b", Slips.named(new java.util.LinkedHashMap<>(Map.of("a", 1.0)) {{ put("b", 1.0); }}, 1.0, "f"));
    }
}
