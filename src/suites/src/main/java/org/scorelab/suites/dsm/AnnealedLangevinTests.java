package org.scorelab.suites.dsm;

import static org.scorelab.suites.support.Thresholds.FALSE_FAILURE_RATE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.dsm.api.LangevinSampler;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Checks;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.Graded;
import org.scorelab.suites.support.SampleMoments;
import org.scorelab.suites.support.Solutions;
import org.scorelab.suites.support.Thresholds;

/** Task 4.1: annealed Langevin sampling, Algorithm 1, driven by exact scores (never by the student's network). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class AnnealedLangevinTests {
    static final String TASK = "4.1";
    private static final double[] TARGET_MEAN = {0.3, -0.4};
    private static final double TARGET_VARIANCE = 0.05;

    /** The score of N(m, (v + sigma^2) I), the Gaussian target perturbed by sigma. */
    static ScoreFunction gaussianScore() {
        return (x, sigma) -> {
            double[] xy = x.dup('c').data().asDouble();
            double[] s = new double[xy.length];
            double var = TARGET_VARIANCE + sigma * sigma;
            for (int i = 0; i < xy.length; i++) {
                s[i] = (TARGET_MEAN[i % 2] - xy[i]) / var;
            }
            return Nd4j.create(s, x.shape(), DataType.DOUBLE);
        };
    }

    @Test
    @Order(2)
    @Graded(assignment = "dsm", task = TASK, points = 1.5)
    void gaussianTargetEndsWithTheExactLawOfAlgorithmOne() {
        checkExactLaw(410);
    }

    /** The check of {@link #gaussianTargetEndsWithTheExactLawOfAlgorithmOne} with the sampler's noise drawn from {@code seed}. */
    static void checkExactLaw(long seed) {
        double[] levels = {0.1, 0.3, 0.9};
        double epsilon = 0.004;
        int steps = 15;
        int n = 20_000;
        double[] start = {2.0, 2.0};
        INDArray x0 = Nd4j.createFromArray(new double[][] {start}).repeat(0, n);
        INDArray out = Solutions.dsm().sampler().sample(gaussianScore(), x0, levels, epsilon, steps, new Rng(seed));
        double[] xy = Checks.shape(TASK, "sample shape", out, n, 2);
        Checks.finite(TASK, "samples", xy, "a step that diverges: check the drift alpha_i / 2 * score");
        LangevinLaw law = new LangevinLaw(TARGET_VARIANCE, levels, epsilon, steps);
        double[] offsets = new double[2];
        double variance = 0;
        for (int a = 0; a < 2; a++) {
            double[] coordinate = SampleMoments.coordinate(xy, 2, a);
            offsets[a] = (SampleMoments.mean(coordinate) - TARGET_MEAN[a]) / (start[a] - TARGET_MEAN[a]);
            // Pooled over the two coordinates, each about its own mean: 2 (n - 1) degrees of freedom.
            variance += SampleMoments.variance(coordinate) / 2;
        }
        LangevinLaw.Moments expected = law.right(1.0);
        double z = Thresholds.twoSidedZ(FALSE_FAILURE_RATE);
        double[] chi2 = Thresholds.chiSquaredInterval(2 * (n - 1), FALSE_FAILURE_RATE);
        String what = "3 levels (0.1, 0.3, 0.9), epsilon = 0.004, T = 15, Gaussian target N((0.3, -0.4), 0.05 I), 20000 chains from (2, 2)";
        for (int a = 0; a < 2; a++) {
            double meanTolerance = z * Math.sqrt(expected.variance() / n) / Math.abs(start[a] - TARGET_MEAN[a]);
            if (Math.abs(offsets[a] - expected.offset()) > meanTolerance) {
                throw Feedback.of(TASK, what + ": remaining fraction of the start's distance to the mean, coordinate " + (a + 1))
                    .statistic(expected.offset(), offsets[a], String.format(Locale.ROOT, "+- %.2e", meanTolerance), FALSE_FAILURE_RATE,
                        diagnose(law, offsets[a], variance, n));
            }
        }
        double low = expected.variance() * chi2[0] / (2 * (n - 1));
        double high = expected.variance() * chi2[1] / (2 * (n - 1));
        if (variance < low || variance > high) {
            throw Feedback.of(TASK, what + ": variance of the final points").statistic(expected.variance(), variance,
                String.format(Locale.ROOT, "[%.5g, %.5g]", low, high), FALSE_FAILURE_RATE, diagnose(law, offsets[0], variance, n));
        }
    }

    /** Names the known mistake whose exact law explains the observation, if one does. */
    private static String diagnose(LangevinLaw law, double offset, double variance, int n) {
        String best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, LangevinLaw.Moments> m : law.mistakes(1.0).entrySet()) {
            double dv = Math.abs(Math.log(variance / m.getValue().variance()));
            double dm = Math.abs(offset - m.getValue().offset());
            double distance = dv + dm;
            if (dv < 0.05 && dm < 0.02 + 6 * Math.sqrt(m.getValue().variance() / n) && distance < bestDistance) {
                best = m.getKey();
                bestDistance = distance;
            }
        }
        return best != null ? best
            : "follow Algorithm 1: for i = L..1, alpha_i = epsilon sigma_i^2 / sigma_1^2, then T times "
                + "x <- x + (alpha_i / 2) s(x, sigma_i) + sqrt(alpha_i) z with fresh z";
    }

    @Test
    @Order(1)
    @Graded(assignment = "dsm", task = TASK, points = 0.5)
    void visitsEveryLevelFromLargestToSmallestForTSteps() {
        double[] levels = {0.1, 0.3, 0.9};
        List<Double> calls = new ArrayList<>();
        ScoreFunction score = gaussianScore();
        INDArray x0 = new Rng(411).uniform(0, 1, 10, 2);
        INDArray copy = x0.dup();
        Solutions.dsm().sampler().sample((x, sigma) -> {
            calls.add(sigma);
            return score.scoreOf(x, sigma);
        }, x0, levels, 0.001, 4, new Rng(412));
        List<Double> expected = new ArrayList<>();
        for (int i = levels.length - 1; i >= 0; i--) {
            for (int t = 0; t < 4; t++) {
                expected.add(levels[i]);
            }
        }
        if (!calls.equals(expected)) {
            throw Feedback.of(TASK, "noise levels passed to the score, in call order, for levels (0.1, 0.3, 0.9) and T = 4")
                .mismatch(expected, calls, calls.size() == 2 * expected.size()
                    ? "the score is evaluated twice per step; evaluate it once and reuse it"
                    : "for i = L down to 1, T steps each, one score evaluation per step at sigma_i");
        }
        if (!x0.equals(copy)) {
            throw Feedback.of(TASK, "the start points").mismatch("unchanged", "modified in place",
                "copy the start (start.dup()) before updating it in place");
        }
    }

    @Test
    @Order(3)
    @Graded(assignment = "dsm", task = TASK, points = 1.0)
    void chosenStepAndStepsReproduceTheMixtureFromTheExactScore() {
        checkMixtureReproduction(413);
    }

    /** The check of {@link #chosenStepAndStepsReproduceTheMixtureFromTheExactScore} with start and noise from {@code seed}. */
    static void checkMixtureReproduction(long seed) {
        LangevinSampler sampler = Solutions.dsm().sampler();
        double[] levels = SharedFixtures.levelsOrSheetDefault();
        MixtureTruth truth = new MixtureTruth(MixtureSpec.SHEET);
        int n = 20_000;
        INDArray start = new Rng(seed).uniform(-0.25, 1.25, n, 2);
        INDArray samples = sampler.sample(truth::scores, start, levels, new Rng(seed + 1));
        SharedFixtures.checkMixtureSample(TASK, String.format(Locale.ROOT, "samples with epsilon = %.3g, T = %d and the exact score",
            sampler.epsilon(), sampler.stepsPerLevel()), samples, n, levels[0],
            "choose epsilon and T so that the chain settles at every level: a larger epsilon or more steps");
    }
}
