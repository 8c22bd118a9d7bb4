package org.scorelab.suites.dsm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scorelab.autograd.Precision;
import org.scorelab.suites.support.Slips;

/** The hand-computed check of Task 3.3's loss names one slip per wrong value: its inputs keep the slips' values apart. */
class DsmSlipValuesTests {
    @Test
    void everyDsmLossSlipGivesItsOwnValue() {
        Precision.useDouble();
        Map<String, Double> candidates = DsmLossTests.candidates(Energies.quadratic(1.3, 0.2, 0.4, 0.6), DsmLossTests.fixedBatch());
        assertTrue(Slips.distinct(candidates), candidates.toString());
    }
}
