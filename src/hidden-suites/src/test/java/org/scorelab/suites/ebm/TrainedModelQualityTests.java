package org.scorelab.suites.ebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
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
}
