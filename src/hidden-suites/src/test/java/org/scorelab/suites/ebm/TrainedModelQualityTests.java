package org.scorelab.suites.ebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.data.Gaussian;
import org.scorelab.data.ToyData;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.GradedFailure;

/**
 * Pins the messages of the hidden training checks (issue 16): they say what they saw (diverged, did not move, moved
 * but worse than the Gaussian), and a model that diverged is reported as such, not as a margin of 3e11.
 */
class TrainedModelQualityTests {
    private static final TrainedModelQuality.Seen MOVED = new TrainedModelQuality.Seen(true, () -> "");
    private static final TrainedModelQuality.Seen STILL = new TrainedModelQuality.Seen(false, () -> "");

    private static String objectiveFailure(double modelTerm, TrainedModelQuality.Seen seen) {
        double[] model = new double[100];
        double[] gaussian = new double[100];
        for (int i = 0; i < 100; i++) {
            model[i] = modelTerm + 0.01 * (i % 7);
            gaussian[i] = -1 + 0.01 * (i % 5);
        }
        return assertThrows(GradedFailure.class, () -> TrainedModelQuality.objectiveBeatsTheGaussian("3.2.2", "DSM", model, gaussian,
            seen)).getMessage();
    }

    @Test
    void aModelThatDivergedIsCalledSoWithoutAMargin() {
        assertEquals("Task 3.2.2 (DSM: held-out objective of the fitted Gaussian's score minus that of the trained model, 100 fresh "
            + "points):\n  expected a trained model with finite values, better than the Gaussian, found a model that diverged "
            + "(-3.000e+11 per point).\n  Likely mistake: training diverged: the trained model's values are exploding (an "
            + "advantage over the Gaussian of -3.000e+11 per point); lower the learning rate, or keep the energies bounded (a "
            + "small penalty on their squares).", objectiveFailure(3e11, MOVED));
    }

    @Test
    void aModelThatNeverMovedIsCalledSo() {
        String m = objectiveFailure(2, STILL);
        assertEquals("  Likely mistake: the model's parameters never moved from their initialisation: give the optimizer the "
            + "model's parameters, and call its step every iteration.", m.substring(m.indexOf("  Likely")));
    }

    @Test
    void aModelThatMovedButIsWorseThanTheGaussianIsCalledSoWithWhatTheLoopCheckFound() {
        TrainedModelQuality.Seen seen = new TrainedModelQuality.Seen(true, TrainedModelQuality.Seen.publicChecks(
            () -> { },
            () -> { throw org.scorelab.suites.support.Feedback.of("3.2.2", "points of the loop").mismatch("a", "b", "c"); }));
        String m = objectiveFailure(2, seen);
        assertEquals("  Likely mistake: training moved the model but left it worse than a Gaussian fitted to the data. The "
            + "public check of points of the loop fails too: fix that first.", m.substring(m.indexOf("  Likely")));
        String clean = objectiveFailure(2, MOVED);
        assertEquals("  Likely mistake: training moved the model but left it worse than a Gaussian fitted to the data, while "
            + "the loss and the loop's inputs pass their public checks: check the sign of what the loop minimises, then the "
            + "learning rate and the number of iterations", clean.substring(clean.indexOf("  Likely")));
    }

    @Test
    void theLossTrendIsReportedNotChecked() {
        double[] falling = new double[1000];
        double[] flat = new double[1000];
        for (int i = 0; i < 1000; i++) {
            falling[i] = 10 * Math.exp(-i / 100.0) + 0.01 * (i % 3);
            flat[i] = 1 + 0.01 * (i % 3);
        }
        assertTrue(TrainedModelQuality.lossTrend(falling).startsWith("its loss fell"));
        assertTrue(TrainedModelQuality.lossTrend(flat).startsWith("its loss did not fall"));
        TrainedModelQuality.Seen seen = MOVED.withLoss(flat);
        String m = objectiveFailure(2, seen);
        assertEquals("  Likely mistake: training moved the model but left it worse than a Gaussian fitted to the data, while "
            + "the loss and the loop's inputs pass their public checks; its loss did not fall (the first 5% of iterations "
            + "minus the last 10%: -1.000e-04, -0.1 standard errors): check the sign of what the loop minimises and the learning "
            + "rate", m.substring(m.indexOf("  Likely")));
    }

    private static final int N = TrainedModelQuality.BLOCKS * TrainedModelQuality.BLOCK;

    @Test
    void samplesOfTheDataDistributionBeatTheGaussian() {
        INDArray data = ToyData.SWISS_ROLL.sample(10_000, new Rng(1));
        TrainedModelQuality.Margin m = TrainedModelQuality.samplesBeatTheGaussian("1.3", "ML",
            ToyData.SWISS_ROLL.sample(N, new Rng(2)), data, ToyData.SWISS_ROLL,
            new Rng(3), MOVED);
        // The true law's samples: far above the bound (measured 30 standard errors, the reference's 29)
        assertTrue(m.mean() > 10 * m.standardError(), m.toString());
    }

    @Test
    void samplesOfAStandardNormalFailWithWhatWasSeen() {
        INDArray data = ToyData.SWISS_ROLL.sample(10_000, new Rng(1));
        INDArray normal = Gaussian.isotropic(1).sample(N, new Rng(2));
        String m = assertThrows(GradedFailure.class, () -> TrainedModelQuality.samplesBeatTheGaussian("1.3", "ML", normal, data,
            ToyData.SWISS_ROLL, new Rng(3), MOVED)).getMessage();
        assertTrue(m.startsWith("Task 1.3 (ML: MMD^2 to held-out data of a fitted Gaussian's samples"), m);
        assertTrue(m.contains("Likely mistake: training moved the model but left it worse"), m);
        String still = assertThrows(GradedFailure.class, () -> TrainedModelQuality.samplesBeatTheGaussian("1.3", "ML", normal, data,
            ToyData.SWISS_ROLL, new Rng(3), STILL)).getMessage();
        assertTrue(still.contains("found the parameters of the initialisation"), still);
        normal.putScalar(7, Double.NaN);
        String nan = assertThrows(GradedFailure.class, () -> TrainedModelQuality.samplesBeatTheGaussian("1.3", "ML", normal, data,
            ToyData.SWISS_ROLL, new Rng(3), MOVED)).getMessage();
        assertTrue(nan.contains("found non-finite samples"), nan);
    }
}
