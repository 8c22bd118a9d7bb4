package org.scorelab.suites.dsm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Scratch;
import org.scorelab.autograd.Tensor;
import org.scorelab.diagnostics.ScoreComparison;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.noise.NoiseLevels;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.Graded;
import org.scorelab.suites.support.GradedFailure;
import org.scorelab.suites.support.Isolation;
import org.scorelab.suites.support.LossTrend;
import org.scorelab.suites.support.PublicChecks;
import org.scorelab.suites.support.SampleMoments;
import org.scorelab.suites.support.Solutions;
import org.scorelab.suites.support.Thresholds;

/**
 * Hidden check of Task 3.3's training loop: the student's {@code train} on a network of the suites' own, with the
 * sheet's usual levels 0.01..1 (L = 10), on 10,000 points of the mixture drawn by the suites.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class TrainingTests {
    static final String TASK = "3.3";
    /** Largest accepted mean relative error of the learned score for sigma >= 0.1 (a zero score has error 1). */
    static final double SCORE_ERROR_LIMIT = 0.5;

    @Test
    @Graded(assignment = "dsm", task = TASK, points = 2.0)
    void trainingLowersTheLossAndLearnsTheScoreWhereTheDataLives() {
        double[] levels = NoiseLevels.geometric(0.01, 1.0, 10);
        MixtureTruth truth = new MixtureTruth(MixtureSpec.SHEET);
        INDArray data = truth.sample(10_000, new Rng(501));
        SuiteNetwork network = new SuiteNetwork(new Rng(502));
        List<INDArray> initial = network.parameters().stream().map(t -> t.value().dup()).toList();
        double[] history;
        try {
            history = Isolation.run(TASK, 290, () -> Solutions.dsm().objective().train(network, data, levels, new Rng(503)),
                Map.of(Solutions.dsm().perturbation().getClass(), "3.1"));
        } catch (Isolation.Blocked b) {
            System.out.println("Task 3.3's training could not be checked: " + b.getMessage() + "; Task " + b.task()
                + "'s checks report it.");
            return;
        }
        if (history == null || history.length < 20) {
            throw Feedback.of(TASK, "loss history").mismatch("one loss per iteration, at least 20 iterations",
                history == null ? "null" : history.length + " values", "record the loss of every iteration and return them all");
        }
        for (int i = 0; i < history.length; i++) {
            if (!Double.isFinite(history[i])) {
                throw Feedback.of(TASK, "loss at iteration " + i).mismatch("a finite number", history[i],
                    "training diverged: a learning rate too large, or a noise level of 0 dividing by zero." + publicChecks());
            }
        }
        boolean moved = moved(network, initial);
        INDArray probe = truth.sample(2_000, new Rng(504));
        DoubleStream.Builder errors = DoubleStream.builder();
        StringBuilder perLevel = new StringBuilder();
        for (double sigma : levels) {
            if (sigma >= 0.1) {
                double error = ScoreComparison.relativeError(learnedScore(network), truth::scores, probe, sigma);
                perLevel.append(String.format(Locale.ROOT, "%s%.2f: %s", perLevel.length() == 0 ? "" : ", ", sigma,
                    Feedback.number(error)));
                errors.add(error);
            }
        }
        double mean = SampleMoments.mean(errors.build().toArray());
        if (!(mean <= SCORE_ERROR_LIMIT)) {
            String checks = publicChecks();
            String saw = !Double.isFinite(mean) || mean > 1e3
                ? "the trained score diverged (non-finite or exploding values): lower the learning rate." + checks
                : !moved ? "the parameters never moved from their initialisation." + checks
                : checks.isEmpty() ? "training moved the parameters but the score is still far from the data's, while the "
                    + "loss and the loop's inputs pass their public checks; " + lossTrend(history)
                : "training moved the parameters but the score is still far from the data's." + checks;
            throw Feedback.of(TASK, "mean relative error of the trained score at 2000 data points, sigma >= 0.1 (" + perLevel + ")")
                .mismatch(String.format(Locale.ROOT, "at most %.2f (a zero score has error 1)", SCORE_ERROR_LIMIT), mean, saw);
        }
    }

    /** What the loss history shows ({@link LossTrend}), with advice for a failed Task 3.3 training check. */
    static String lossTrend(double[] history) {
        return LossTrend.of(history, "more iterations or a larger learning rate",
            "check the sign of what is minimised and the learning rate");
    }

    /** Whether any parameter differs from its initial value. */
    private static boolean moved(SuiteNetwork network, List<INDArray> initial) {
        List<Tensor> now = network.parameters();
        for (int i = 0; i < now.size(); i++) {
            if (!now.get(i).value().equals(initial.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the public checks of Task 3.3 find, as a sentence for a message: the loss on fixed inputs, then the loop's
     * inputs ({@link TrainingInputs}); empty when both pass.
     */
    private static String publicChecks() {
        return PublicChecks.firstFailing(() -> new DsmLossTests().lossOnFixedInputsMatchesAHandComputation(), () -> {
            GradedFailure f = TrainingInputs.inspect();
            if (f != null) {
                throw f;
            }
        });
    }

    /** -grad_x f computed here, so the check does not depend on Task 3.5. */
    static ScoreFunction learnedScore(EnergyModel model) {
        return (x, sigma) -> Scratch.compute(() -> {
            Tensor point = Tensor.variable(x);
            Tensor s = Tensor.constant(Nd4j.valueArrayOf(new long[] {x.size(0), 1}, sigma, DataType.DOUBLE));
            return Autograd.grad(model.energy(point, s).sum(), point, false).neg().value();
        });
    }
}
