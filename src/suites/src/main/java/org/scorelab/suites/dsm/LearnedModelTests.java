package org.scorelab.suites.dsm;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.LearnedScores;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Checks;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.Graded;
import org.scorelab.suites.support.Slips;
import org.scorelab.suites.support.Solutions;

/**
 * Task 3.5: reading an energy model as an unnormalised density and a score. Checked on energies whose density and
 * score are known, not on the student's trained network.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class LearnedModelTests {
    static final String TASK = "3.5";
    private static final String SCORE_MISTAKE = "check the gradient of the energy in x (Autograd.grad of the summed "
        + "energies), its sign, and that every point's level is the given sigma";

    private static INDArray points() {
        return new Rng(350).uniform(-0.1, 1.1, 50, 2);
    }

    @Test
    @Order(1)
    @Graded(assignment = "dsm", task = TASK, points = 1.0)
    void unnormalisedDensityOfTheExactEnergyIsTheDensity() {
        LearnedScores learned = Solutions.dsm().learnedScores();
        MixtureTruth truth = new MixtureTruth(MixtureSpec.SHEET);
        INDArray x = points();
        double[] xy = x.data().asDouble();
        for (double sigma : new double[] {0.05, 0.3}) {
            double[] p = Checks.shape(TASK, "unnormalisedDensity shape", learned.unnormalisedDensity(Energies.exact(MixtureSpec.SHEET), x, sigma), 50);
            for (int i = 0; i < p.length; i++) {
                double expected = truth.density(xy[2 * i], xy[2 * i + 1], sigma);
                String seen = Slips.seen(expected, p[i]);
                Checks.close(TASK, String.format(Locale.ROOT, "unnormalised density of the energy f = -log p_sigma at sigma = %.2f, "
                    + "x = (%.3f, %.3f)", sigma, xy[2 * i], xy[2 * i + 1]), expected, p[i], 1e-12, 1e-9,
                    Math.abs(p[i] * expected - 1) < 1e-6 ? "the density found is the reciprocal of the expected one: low "
                        + "energy must mean HIGH density (sheet, eq. (2))"
                        : Slips.prefix(seen) + "check how the density follows from the energy (sheet, "
                            + "eq. (2)), up to its normaliser only, and that every point's level is the given sigma");
            }
        }
    }

    @Test
    @Order(2)
    @Graded(assignment = "dsm", task = TASK, points = 1.0)
    void scoreOfTheExactEnergyIsTheAnalyticScore() {
        LearnedScores learned = Solutions.dsm().learnedScores();
        MixtureTruth truth = new MixtureTruth(MixtureSpec.SHEET);
        INDArray x = points();
        double[] xy = x.data().asDouble();
        for (double sigma : new double[] {0.05, 0.3}) {
            double[] s = Checks.shape(TASK, "scoreOf shape", learned.scoreOf(Energies.exact(MixtureSpec.SHEET), x, sigma), 50, 2);
            for (int i = 0; i < 50; i++) {
                double[] expected = truth.score(xy[2 * i], xy[2 * i + 1], sigma);
                for (int a = 0; a < 2; a++) {
                    Checks.close(TASK, String.format(Locale.ROOT, "score of the energy f = -log p_sigma at sigma = %.2f, x = (%.3f, %.3f)",
                        sigma, xy[2 * i], xy[2 * i + 1]), expected[a], s[2 * i + a], 1e-9, 1e-8,
                        Math.abs(s[2 * i + a] + expected[a]) < 1e-6 * (1 + Math.abs(expected[a]))
                            ? "the sign is flipped: the score points towards LOW energy" : SCORE_MISTAKE);
                }
            }
        }
    }

    @Test
    @Order(3)
    @Graded(assignment = "dsm", task = TASK, points = 1.0)
    void scoreOfAQuadraticEnergyIsLinear() {
        Energies.Quadratic q = Energies.quadratic(2.0, 0.05, 0.3, 0.8);
        INDArray x = points();
        double[] xy = x.data().asDouble();
        double sigma = 0.2;
        double[] s = Checks.shape(TASK, "scoreOf shape", Solutions.dsm().learnedScores().scoreOf(q, x, sigma), 50, 2);
        for (int i = 0; i < 50; i++) {
            double[] expected = q.score(xy[2 * i], xy[2 * i + 1], sigma);
            if (Math.abs(s[2 * i] - expected[0]) > 1e-9 * (1 + Math.abs(expected[0]))
                || Math.abs(s[2 * i + 1] - expected[1]) > 1e-9 * (1 + Math.abs(expected[1]))) {
                throw Feedback.of(TASK, String.format(Locale.ROOT, "score of f = ||x - (0.3, 0.8)||^2 / (2 (0.05 + sigma^2)) at x = (%.3f, %.3f)",
                    xy[2 * i], xy[2 * i + 1])).notClose(expected, new double[] {s[2 * i], s[2 * i + 1]}, "1e-9 relative",
                    Slips.prefix(Slips.seen(expected, new double[] {s[2 * i], s[2 * i + 1]})) + SCORE_MISTAKE);
            }
        }
    }
}
