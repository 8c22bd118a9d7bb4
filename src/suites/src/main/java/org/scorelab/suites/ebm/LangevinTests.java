package org.scorelab.suites.ebm;

import static org.scorelab.suites.support.Thresholds.FALSE_FAILURE_RATE;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.ebm.api.LangevinSampler;
import org.scorelab.ebm.api.ScoreField;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Checks;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.Graded;
import org.scorelab.suites.support.SampleMoments;
import org.scorelab.suites.support.Solutions;
import org.scorelab.suites.support.Thresholds;

/**
 * Task 1.3, sampling: the score of an energy model and unadjusted Langevin dynamics, checked against the exact law
 * of the chain on a Gaussian energy ({@link UnadjustedLangevinLaw}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class LangevinTests {
    static final String TASK = "1.3";
    private static final double TARGET_MEAN = 0.5;
    private static final double TARGET_VARIANCE = 0.8;
    private static final double START_MEAN = -2.0;
    private static final double START_STD = 0.3;

    private static LangevinSampler sampler() {
        return Solutions.ebm().sampler();
    }

    @Test
    @Order(1)
    @Graded(assignment = "ebm", task = TASK, points = 1.0)
    void scoreOfAnEnergyIsMinusItsGradient() {
        Models.Quadratic f = new Models.Quadratic(0.3, -0.2, 2.0, 0.5, 1.0);
        INDArray x = Nd4j.createFromArray(new double[][] {{0.3, -0.2}, {1.0, 0.0}, {-0.5, 2.0}, {2.5, -1.5}});
        double[] found = Checks.shape(TASK, "scoreOf(energy) at 4 points", sampler().scoreOf(f).scoreAt(x), 4, 2);
        double[] xy = x.dup('c').data().asDouble();
        for (int i = 0; i < 4; i++) {
            double[] expected = {-2.0 * (xy[2 * i] - 0.3), -0.5 * (xy[2 * i + 1] + 0.2)};
            double[] got = {found[2 * i], found[2 * i + 1]};
            if (Math.abs(got[0] - expected[0]) > 1e-9 || Math.abs(got[1] - expected[1]) > 1e-9) {
                boolean flipped = Math.abs(got[0] + expected[0]) <= 1e-9 && Math.abs(got[1] + expected[1]) <= 1e-9;
                throw Feedback.of(TASK, String.format(Locale.ROOT, "score of f(x) = x^T diag(2, 0.5) x / 2 + ... at x = (%s, %s)",
                        Feedback.number(xy[2 * i]), Feedback.number(xy[2 * i + 1])))
                    .notClose(expected, got, 1e-9, flipped ? "this is +grad f; the score of p ~ exp(-f) is MINUS grad_x f"
                        : "differentiate the SUM of the energies with respect to the points (Autograd.grad), then negate");
            }
        }
        for (var p : f.parameters()) {
            if (p.grad() != null && p.grad().amaxNumber().doubleValue() != 0) {
                throw Feedback.of(TASK, "scoreOf(energy) and the energy's parameters").mismatch("no gradient left in the parameters",
                    "accumulated gradients", "use Autograd.grad(energy, x, false), not backward(): backward() also fills the "
                        + "parameters' gradients, which the next training step would then add to");
            }
        }
    }

    @Test
    @Order(2)
    @Graded(assignment = "ebm", task = TASK, points = 0.5)
    void sampleTakesOneScoreEvaluationPerStepAndKeepsTheStart() {
        int n = 7;
        INDArray start = new Rng(131).normal(n, 2);
        INDArray copy = start.dup();
        Models.Recording score = new Models.Recording(Models.gaussianScore(0, 0, 1));
        INDArray out = sampler().sample(score, start, 0.01, 13, new Rng(132));
        Checks.shape(TASK, "sample(start of 7 points, 13 steps)", out, n, 2);
        if (score.calls != 13 || score.lastRows != n || score.wrongShape) {
            throw Feedback.of(TASK, "score evaluations of sample(..., steps = 13)")
                .mismatch("13 calls, each on all 7 points of shape [7, 2]", score.calls + " calls, the last on " + score.lastRows + " points",
                    "evaluate the score once per step on the whole batch of current points");
        }
        if (!start.equals(copy)) {
            throw Feedback.of(TASK, "the start points after sample(...)").mismatch("unchanged", "modified",
                "start from start.dup(): the caller's points must not change (use dup() before in-place updates)");
        }
        INDArray none = sampler().sample(score, start, 0.01, 0, new Rng(133));
        Checks.shape(TASK, "sample(..., steps = 0)", none, n, 2);
        if (!start.equals(none)) {
            throw Feedback.of(TASK, "sample(..., steps = 0)").mismatch("the start points", "other points", "0 steps leave the points where they start");
        }
    }

    @Test
    @Order(3)
    @Graded(assignment = "ebm", task = TASK, points = 0.5)
    void sameSeedGivesTheSameChain() {
        INDArray start = new Rng(141).normal(50, 2);
        ScoreField score = Models.gaussianScore(0, 0, 1);
        INDArray a = sampler().sample(score, start, 0.05, 20, new Rng(142));
        INDArray b = sampler().sample(score, start, 0.05, 20, new Rng(142));
        if (!a.equals(b)) {
            throw Feedback.of(TASK, "two runs with generators of the same seed").mismatch("identical points", "different points",
                "draw every random number from the Rng passed in (rng.normal(n, 2)), never from Nd4j.rand or Math.random");
        }
    }

    @Test
    @Order(4)
    @Graded(assignment = "ebm", task = TASK, points = 1.5)
    void shortChainOnAGaussianEnergyHasTheExactLaw() {
        checkExactLaw(0.1, 10, 151);
    }

    @Test
    @Order(5)
    @Graded(assignment = "ebm", task = TASK, points = 1.5)
    void longChainReachesTheStationaryLawOfTheDiscretisedDynamics() {
        checkExactLaw(0.4, 150, 152);
    }

    /**
     * Runs {@code steps} steps of size {@code tau} on N(0.5, 0.8 I) from N(-2, 0.3^2 I), 10,000 points, and tests the
     * pooled coordinates' mean (z-test) and variance (chi-squared) against {@link UnadjustedLangevinLaw}; each
     * test has false-failure rate 1e-7 / 2 (two tests per call).
     */
    static void checkExactLaw(double tau, int steps, long seed) {
        int n = 10_000;
        Rng rng = new Rng(seed);
        INDArray start = rng.normal(n, 2).muli(START_STD).addi(START_MEAN);
        INDArray out = sampler().sample(Models.gaussianScore(TARGET_MEAN, TARGET_MEAN, TARGET_VARIANCE), start, tau, steps, rng);
        double[] values = Checks.shape(TASK, "sample shape", out, n, 2);
        Checks.finite(TASK, "sampled points", values, "the chain diverged: check the sign of the drift (it follows the score)");
        int count = values.length;
        double mean = SampleMoments.mean(values);
        double variance = SampleMoments.variance(values);
        Map<String, UnadjustedLangevinLaw> laws = UnadjustedLangevinLaw.candidates(tau, steps, TARGET_MEAN, TARGET_VARIANCE, START_MEAN, START_STD);
        UnadjustedLangevinLaw right = laws.get("right");
        String what = String.format(Locale.ROOT, "%d Langevin steps of tau = %s on N(0.5, 0.8 I) from N(-2, 0.3^2 I), 10000 points", steps,
            Feedback.number(tau));
        double z = Thresholds.twoSidedZ(FALSE_FAILURE_RATE / 2);
        double meanBound = z * Math.sqrt(right.variance() / count);
        if (Math.abs(mean - right.mean()) > meanBound) {
            throw Feedback.of(TASK, what + ": mean of the coordinates").statistic(right.mean(), mean, "+- " + Feedback.number(meanBound),
                FALSE_FAILURE_RATE / 2, UnadjustedLangevinLaw.diagnose(laws, mean, variance, count));
        }
        double[] chi2 = Thresholds.chiSquaredInterval(count - 1, FALSE_FAILURE_RATE / 2);
        double lo = right.variance() * chi2[0] / (count - 1);
        double hi = right.variance() * chi2[1] / (count - 1);
        if (variance < lo || variance > hi) {
            throw Feedback.of(TASK, what + ": variance of the coordinates").statistic(right.variance(), variance,
                "[" + Feedback.number(lo) + ", " + Feedback.number(hi) + "]", FALSE_FAILURE_RATE / 2,
                UnadjustedLangevinLaw.diagnose(laws, mean, variance, count));
        }
    }
}
