package org.scorelab.suites.dsm;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Checks;
import org.scorelab.suites.support.Graded;
import org.scorelab.suites.support.Solutions;

/**
 * Task 4.2: generating samples from an energy model. The model here is the exact energy -log p_sigma, so the task is
 * graded on the start distribution and the wiring of the learned score into the sampler, not on training.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class GenerationTests {
    static final String TASK = "4.2";

    @Test
    @Order(1)
    @Graded(assignment = "dsm", task = TASK, points = 0.25)
    void generatesTheRequestedNumberOfPoints() {
        INDArray out = Solutions.dsm().generation().generate(Energies.exact(MixtureSpec.SHEET), SharedFixtures.levelsOrSheetDefault(), 7,
            new Rng(420));
        Checks.shape(TASK, "generate(model, levels, 7) shape", out, 7, 2);
    }

    @Test
    @Order(2)
    @Graded(assignment = "dsm", task = TASK, points = 0.75)
    void samplesOfTheExactEnergyReproduceTheMixture() {
        double[] levels = SharedFixtures.levelsOrSheetDefault();
        int n = 20_000;
        INDArray samples = Solutions.dsm().generation().generate(Energies.exact(MixtureSpec.SHEET), levels, n, new Rng(421));
        SharedFixtures.checkMixtureSample(TASK, "20000 samples generated from the exact energy -log p_sigma", samples, n, levels[0],
            "start the chains over the whole data range (e.g. uniform on [0, 1]^2) and drive the sampler with -grad_x f");
    }
}
