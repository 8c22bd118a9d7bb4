package org.scorelab.suites.dsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;

class TwoSampleTests {
    private static final MixtureSpec DATA = MixtureSpec.SHEET;
    private static final MixtureSpec WIDE = SharedFixtures.widened(MixtureSpec.SHEET, 0, 1.3, 0);

    @Test
    void exactMmdIsZeroForOneLawAndPositiveForAnother() {
        assertEquals(0.0, TwoSample.between(DATA, DATA), 1e-15);
        assertTrue(TwoSample.between(DATA, WIDE) > 1e-3);
    }

    @Test
    void blockEstimateIsCentredOnTheExactValue() {
        // Fixed seeds; each check is 6 standard errors wide (false-failure rate 2e-9 under the normal approximation).
        double[] x = new MixtureTruth(DATA).sample(20_000, new Rng(1)).data().asDouble();
        double[] same = new MixtureTruth(DATA).sample(20_000, new Rng(2)).data().asDouble();
        double[] wide = new MixtureTruth(WIDE).sample(20_000, new Rng(3)).data().asDouble();
        double[] null0 = TwoSample.block(x, same);
        assertEquals(0.0, null0[0], 6 * null0[1]);
        double[] alt = TwoSample.block(x, wide);
        assertEquals(TwoSample.between(DATA, WIDE), alt[0], 6 * alt[1]);
        assertTrue(alt[0] > 6 * alt[1], "a 30% wider mixture is detected");
    }
}
