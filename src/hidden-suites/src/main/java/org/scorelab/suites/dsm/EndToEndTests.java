package org.scorelab.suites.dsm;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.diagnostics.ModeStatistics;
import org.scorelab.dsm.api.DsmSolution;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.dsm.sheet.DsmFigures;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Artifacts;
import org.scorelab.suites.support.Checks;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.Graded;
import org.scorelab.suites.support.Isolation;
import org.scorelab.suites.support.Solutions;

/**
 * Hidden end-to-end check of Task 4.2: the student's training loop (3.3), learned score (3.5) and sampler (4.1, 4.2)
 * must turn a network into 5,000 samples that find every mode with roughly the right width. The network is the suites'
 * own (as in the hidden check of 3.3), not the student's: the architecture is the student's free choice (Task 3.2, "a
 * very small and simple network"), and the fairness draws of docs/fairness.md showed correct pipelines whose own
 * networks (one hidden tanh layer, a 16-unit layer, a deep narrow softplus stack) learned no modes in the budget they
 * chose. It trains on 10,000 points drawn by the suites and uses the student's levels only where they pass Task 3.1's
 * checks (else the sheet's 0.01..1, L = 10), so a mistake in Task 1.1 or in the levels costs those tasks alone (issue
 * 16). The tolerances are wide (the modes' true width is 0.1005; 0.20 is twice it; a blob over all three modes without
 * modes measures about 0.20 to 0.40 around each mean), so it tells a working pipeline from a broken one, not a good one
 * from a very good one. It does not judge the training budget: 200 iterations of the reference's loop (the corpus's
 * dsm-train-too-short) pass it with the suites' network, as they pass the hidden check of 3.3 (a known gap).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class EndToEndTests {
    static final String TASK = "4.2";
    /** The smallest share of the samples that counts a mode as found. */
    static final double FOUND = 0.05;

    @Test
    @Graded(assignment = "dsm", task = TASK, points = 1.0)
    void samplesOfTheTrainedModelFindEveryModeWithTheRightWidth() {
        DsmSolution solution = Solutions.dsm();
        Rng rng = new Rng(600);
        INDArray data = new MixtureTruth(MixtureSpec.SHEET).sample(10_000, rng.split());
        double[] levels = SharedFixtures.levelsOrSheetDefault();
        EnergyModel network = new SuiteNetwork(rng.split());
        Rng training = rng.split();
        try {
            Isolation.run(TASK, 290, () -> solution.objective().train(network, data, levels, training),
                Map.of(solution.perturbation().getClass(), "3.1"));
        } catch (Isolation.Blocked b) {
            System.out.println("Task 4.2's end-to-end check could not run: " + b.getMessage() + "; Task " + b.task()
                + "'s checks report it.");
            return;
        }
        saveScoreField(network, levels[levels.length / 2]);
        INDArray samples = solution.generation().generate(network, levels, 5_000, rng.split());
        Artifacts.save("dsm-samples", "5000 samples of the trained model", samples);
        Checks.finite(TASK, "5000 samples of the trained model", Checks.shape(TASK, "samples shape", samples, 5_000, 2),
            "the sampler diverged: epsilon is too large for the learned score");
        ModeStatistics stats = ModeStatistics.of(samples, MixtureSpec.SHEET);
        for (int k = 0; k < 3; k++) {
            double fraction = stats.fractions()[k];
            double std = stats.stds()[k];
            // Every mode found: at least 0.05 of the samples (a collapsed mode keeps under 1%). Not its weight: the
            // sheet's weights are 1/3 each, but how the chains share out between modes depends on sigma_L, the
            // student's choice, and on the model; s16-0 of docs/fairness.md (sigma_L = 0.52) put 0.489 in one mode
            // with its own network and 0.105 in another with the suites'. Each mode with roughly the right width.
            if (fraction < FOUND || std < 0.06 || std > 0.2) {
                throw Feedback.of(TASK, "5000 samples of your trained model, mode at " + Feedback.format(MixtureSpec.SHEET.mean(k)))
                    .mismatch("fraction at least 0.05 and standard deviation in [0.06, 0.20]",
                        String.format(Locale.ROOT, "fraction %.3f, standard deviation %.4f", fraction, std),
                        std > 0.2 ? "the samples are too spread: the sampler's last levels do not settle them (more "
                            + "steps or a larger epsilon at the small levels), or the trained score is too weak there"
                            : fraction < FOUND ? "a mode gets too few samples: check the start distribution (it should cover "
                            + "all modes) and the learned score's sign"
                            : "the samples collapse onto too few points: check the learned score's sign and size, and epsilon");
            }
        }
    }

    /** For the report's figure: the trained model's score (-grad_x f, computed here) on a 17 x 17 grid at one level. */
    private static void saveScoreField(EnergyModel network, double sigma) {
        try {
            INDArray grid = DsmFigures.around(sigma).grid(17).points();
            INDArray score = TrainingTests.learnedScore(network).scoreOf(grid, sigma);
            Artifacts.save("dsm-score-field", "sigma " + sigma, Nd4j.hstack(grid, score));
        } catch (RuntimeException e) { // a figure never decides a grade: the checks below report a broken model
            System.err.println("no score field for the report: " + e);
        }
    }
}
