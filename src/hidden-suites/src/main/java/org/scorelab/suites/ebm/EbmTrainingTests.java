package org.scorelab.suites.ebm;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;
import org.scorelab.data.Gaussian;
import org.scorelab.data.ToyData;
import org.scorelab.diagnostics.GridDensity;
import org.scorelab.ebm.api.ScoreField;
import org.scorelab.ebm.models.MlpEnergy;
import org.scorelab.ebm.models.MlpScore;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.Graded;
import org.scorelab.suites.support.Solutions;

/**
 * Hidden checks of each method's training loop, on the kit's networks and 10,000 points of the sheet's data set,
 * with the student's own hyper-parameters. Maximum likelihood gets the suites' sampler, so a sampler bug costs only
 * the sampler's points. Quality is judged against a Gaussian fitted to the data ({@link TrainedModelQuality}): by
 * held-out likelihood (NCE), the method's own held-out objective (score matching), or, for maximum likelihood, the
 * model's samples drawn as the loop draws them.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class EbmTrainingTests {
    @Test
    @Graded(assignment = "ebm", task = "1.3", points = 3.0)
    void maximumLikelihoodOnSwissRollBeatsAFittedGaussian() {
        checkMaximumLikelihood();
    }

    /** The check of {@link #maximumLikelihoodOnSwissRollBeatsAFittedGaussian}, returning its margin. */
    static TrainedModelQuality.Margin checkMaximumLikelihood() {
        INDArray data = ToyData.SWISS_ROLL.sample(10_000, new Rng(601));
        MlpEnergy energy = MlpEnergy.create(new Rng(602));
        var initial = TrainedModelQuality.Seen.snapshot(energy.parameters());
        int samples = TrainedModelQuality.BLOCKS * TrainedModelQuality.BLOCK;
        RecordingLangevin sampler = new RecordingLangevin(samples);
        double[] history = Solutions.ebm().maximumLikelihood().train(energy, data, sampler, new Rng(603));
        TrainedModelQuality.Seen seen = new TrainedModelQuality.Seen(TrainedModelQuality.Seen.moved(energy.parameters(), initial),
            TrainedModelQuality.Seen.publicChecks(
                () -> new MaximumLikelihoodTests().lossOnFixedInputsMatchesAHandComputation(),
                TrainingLoopTests::checkMaximumLikelihoodLoop));
        TrainedModelQuality.finite("1.3", history);
        if (!sampler.called()) {
            throw Feedback.of("1.3", "calls of the Langevin sampler passed to train").mismatch("at least one", "none",
                "the model's samples must come from the sampler train is given (sampler.sample)." + seen.checks().get());
        }
        // Judged by its samples, drawn as the loop draws them, not by its likelihood: the sheet's sampler and chains are
        // the student's choice, and short fresh chains (e.g. 40 steps of 0.01 from N(0, I)) learn an energy whose
        // samples match the data while its normalised density does not (docs/fairness.md: held-out likelihood 7 nats
        // below the fitted Gaussian's, samples 12 standard errors closer to the data than the Gaussian's).
        return TrainedModelQuality.samplesBeatTheGaussian("1.3", "maximum likelihood on swiss-roll",
            sampler.rerun(energy, samples, new Rng(604)), data, ToyData.SWISS_ROLL, new Rng(605), seen);
    }

    @Test
    @Graded(assignment = "ebm", task = "2.2", points = 3.0)
    void noiseContrastiveEstimationOnGaussiansBeatsAFittedGaussianAndSelfNormalises() {
        checkNoiseContrastive();
    }

    /** The check of {@link #noiseContrastiveEstimationOnGaussiansBeatsAFittedGaussianAndSelfNormalises}: margin, c - log(1/z). */
    static String checkNoiseContrastive() {
        INDArray data = ToyData.GAUSSIANS.sample(10_000, new Rng(611));
        MlpEnergy energy = MlpEnergy.create(new Rng(612));
        Tensor c = Tensor.variable(Nd4j.zeros(DataType.DOUBLE, 1, 1));
        var initial = TrainedModelQuality.Seen.snapshot(energy.parameters());
        double[] history = Solutions.ebm().noiseContrastive().train(energy, c, data, new Rng(613));
        TrainedModelQuality.Seen seen = new TrainedModelQuality.Seen(TrainedModelQuality.Seen.moved(energy.parameters(), initial),
            TrainedModelQuality.Seen.publicChecks(
                () -> new NoiseContrastiveTests().lossOnFixedInputsMatchesAHandComputation(),
                TrainingLoopTests::checkNoiseContrastiveLoop));
        TrainedModelQuality.finite("2.2", history);
        seen = seen.withLoss(history);
        GridDensity density = GridDensity.of(energy, 6, 300);
        TrainedModelQuality.Margin margin = TrainedModelQuality.likelihoodBeatsTheGaussian("2.2", "NCE on gaussians", energy,
            density, data, ToyData.GAUSSIANS, new Rng(614), seen);
        // NCE learns the normaliser: exp(-f + c) must integrate to about 1. A c left untrained, or trained with the wrong
        // sign, is off by nats; a converged fit by a tenth or two (reference: 0.18).
        double logInverseZ = -density.logZ();
        if (Math.abs(c.item() - logInverseZ) > SELF_NORMALISATION_LIMIT) {
            throw Feedback.of("2.2", "learned c against log(1/z) of the trained energy, by quadrature")
                .notClose(logInverseZ, c.item(), SELF_NORMALISATION_LIMIT, c.item() == 0
                    ? "c never moved from 0: train it with the energy (one optimizer over both)." + seen.checks().get()
                    : "c moved but does not normalise the energy: check how c = log(1/z) enters the model's "
                        + "log-density in the loss (its sign), and that the noise points come from the q whose log q the "
                        + "loss uses." + seen.checks().get());
        }
        return margin + "; c - log(1/z) = " + Feedback.number(c.item() - logInverseZ);
    }

    /** The largest accepted |c - log(1/z)|: a factor e^0.5 = 1.65 in the normaliser. */
    static final double SELF_NORMALISATION_LIMIT = 0.5;

    @Test
    @Graded(assignment = "ebm", task = "3.1.1", points = 3.0)
    void implicitScoreMatchingOnRingsBeatsAFittedGaussian() {
        checkScoreMatching("3.1.1", "implicit score matching on rings",
            (model, data, rng) -> Solutions.ebm().implicitScoreMatching().train(model, data, rng), 621);
    }

    @Test
    @Graded(assignment = "ebm", task = "3.2.2", points = 3.0)
    void denoisingScoreMatchingOnRingsBeatsAFittedGaussian() {
        checkScoreMatching("3.2.2", "denoising score matching on rings",
            (model, data, rng) -> Solutions.ebm().denoisingScoreMatching().train(model, data, rng), 631);
    }

    @FunctionalInterface
    interface Trainer {
        double[] train(MlpScore model, INDArray data, Rng rng);
    }

    static TrainedModelQuality.Margin checkScoreMatching(String task, String what, Trainer trainer, long seed) {
        INDArray data = ToyData.RINGS.sample(10_000, new Rng(seed));
        MlpScore model = MlpScore.create(new Rng(seed + 1));
        var initial = TrainedModelQuality.Seen.snapshot(model.parameters());
        double[] history = trainer.train(model, data, new Rng(seed + 2));
        TrainedModelQuality.Seen seen = new TrainedModelQuality.Seen(TrainedModelQuality.Seen.moved(model.parameters(), initial),
            task.equals("3.1.1") ? TrainedModelQuality.Seen.publicChecks(() -> new ImplicitScoreMatchingTests().linearScoreGivesTheClosedForm(),
                TrainingLoopTests::checkImplicitScoreMatchingLoop)
                : TrainedModelQuality.Seen.publicChecks(() -> new DenoisingScoreMatchingTests().lossOnFixedInputsMatchesAHandComputation(),
                DenoisingScoreMatchingTests::checkTrainingNoise));
        TrainedModelQuality.finite(task, history);
        seen = seen.withLoss(history);
        INDArray heldOut = ToyData.RINGS.sample(HELD_OUT, new Rng(seed + 3));
        Gaussian fitted = Gaussian.fittedTo(data, 1.0);
        double[][] terms = task.equals("3.1.1") ? implicitTerms(ScoreField.of(model), fitted, heldOut)
            : perturbedTerms(ScoreField.of(model), fitted, heldOut, Solutions.ebm().denoisingScoreMatching().sigma(), new Rng(seed + 4));
        return TrainedModelQuality.objectiveBeatsTheGaussian(task, what, terms[0], terms[1], seen);
    }

    /** Held-out points of the score-matching checks. */
    static final int HELD_OUT = 20_000;

    /**
     * Per point, 1/2 ||s(x)||^2 + tr(ds/dx) of the model (trace by central differences, step 1e-4) and of the fitted
     * Gaussian's score -(x - m) / s^2 (trace -1/s_1^2 - 1/s_2^2): Hyvarinen's objective, computed by the suites.
     */
    static double[][] implicitTerms(ScoreField score, Gaussian fitted, INDArray x) {
        double h = 1e-4;
        double[] s = score.scoreAt(x).dup('c').data().asDouble();
        double[][] shifted = new double[4][];
        for (int dim = 0; dim < 2; dim++) {
            for (int sign = 0; sign < 2; sign++) {
                INDArray moved = x.dup();
                moved.getColumn(dim).addi(sign == 0 ? h : -h);
                shifted[2 * dim + sign] = score.scoreAt(moved).dup('c').data().asDouble();
            }
        }
        double[] xy = x.dup('c').data().asDouble();
        double[] m = fitted.mean();
        double[] sd = fitted.std();
        int n = xy.length / 2;
        double[][] terms = new double[2][n];
        for (int i = 0; i < n; i++) {
            double trace = (shifted[0][2 * i] - shifted[1][2 * i]) / (2 * h) + (shifted[2][2 * i + 1] - shifted[3][2 * i + 1]) / (2 * h);
            terms[0][i] = 0.5 * (s[2 * i] * s[2 * i] + s[2 * i + 1] * s[2 * i + 1]) + trace;
            double g0 = -(xy[2 * i] - m[0]) / (sd[0] * sd[0]);
            double g1 = -(xy[2 * i + 1] - m[1]) / (sd[1] * sd[1]);
            terms[1][i] = 0.5 * (g0 * g0 + g1 * g1) - 1 / (sd[0] * sd[0]) - 1 / (sd[1] * sd[1]);
        }
        return terms;
    }

    /**
     * Task 3.2.2's terms: Hyvarinen's objective ({@link #implicitTerms}) at perturbed points y = x + sigma z, of the
     * model and of the fitted Gaussian perturbed by sigma (its stds widened to sqrt(s^2 + sigma^2)). In expectation it
     * is the Fisher divergence to the perturbed data plus a constant, as Vincent's objective (1/2 || s(y) - (x - y) / sigma^2 ||^2)
     * is, so the paired differences have the same mean; but it does not carry the target (x - y) / sigma^2, whose
     * variance of order 1 / sigma^2 hid a weakly trained but correct model: the plain draw at sigma = 0.1 had an
     * advantage of 0.085 with a standard error of 0.029 by Vincent's objective, 0.093 with 0.0033 by this one
     * (docs/fairness.md).
     */
    static double[][] perturbedTerms(ScoreField score, Gaussian fitted, INDArray x, double sigma, Rng rng) {
        INDArray y = x.add(rng.normal(x.size(0), 2).muli(sigma));
        double[] sd = fitted.std();
        Gaussian perturbed = new Gaussian(fitted.mean(), new double[] {Math.hypot(sd[0], sigma), Math.hypot(sd[1], sigma)});
        return implicitTerms(score, perturbed, y);
    }
}
