package org.scorelab.suites.dsm;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scorelab.suites.support.GradedFailure;
import org.scorelab.suites.support.Isolation;
import org.scorelab.suites.support.Graded;

/**
 * Task 3.3's training loop trains on what it is given: perturbed data points, with the levels passed to it
 * ({@link TrainingInputs}). A few seconds: the loop is watched for two iterations, not run to its end.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class TrainingLoopTests {
    @Test
    @Graded(assignment = "dsm", task = TrainingInputs.TASK, points = 1.0)
    void trainingFeedsTheModelDataPerturbedWithTheGivenLevels() {
        GradedFailure failure;
        try {
            failure = TrainingInputs.inspect();
        } catch (Isolation.Blocked b) {
            SharedFixtures.perturbationIsBroken();
            System.out.println("Task 3.3's training loop could not be watched: " + b.getMessage() + "; Task " + b.task()
                + "'s checks report it.");
            return;
        }
        if (failure != null) {
            throw failure;
        }
    }
}
