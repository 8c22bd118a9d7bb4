package org.scorelab.suites.ebm;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scorelab.data.Gaussian;
import org.scorelab.data.PointDistribution;
import org.scorelab.diagnostics.GridDensity;
import org.scorelab.diagnostics.Mmd;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.LossTrend;
import org.scorelab.suites.support.SampleMoments;
import org.scorelab.suites.support.Thresholds;

/**
 * Is a trained model better than a Gaussian fitted to the data? Each check is a one-sided z-test on paired per-point
 * differences: a model no better than the Gaussian passes with probability at most 1e-7, and a model with a true
 * advantage delta fails with probability Phi(z - delta / se). For the reference, delta / se was measured between 27
 * and 94 (docs/ebm.md), so its false-failure probability is below 1e-100.
 */
final class TrainedModelQuality {
    static final double RATE = Thresholds.FALSE_FAILURE_RATE;

    /** A mean paired advantage over the Gaussian and its standard error. */
    record Margin(double mean, double standardError) {
        static Margin of(double[] d) {
            return new Margin(SampleMoments.mean(d), SampleMoments.standardError(d));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.4f (se %.4f, %.0f standard errors)", mean, standardError, mean / standardError);
        }
    }

    private TrainedModelQuality() {
    }

    /**
     * What a check saw of the training besides its result, so that a failure says what happened rather than guess one
     * cause (issue 16): whether the parameters moved from their initialisation, and what the public check of the
     * training loop's inputs finds (empty when they are right).
     */
    record Seen(boolean moved, java.util.function.Supplier<String> checks, String loss) {
        Seen(boolean moved, java.util.function.Supplier<String> checks) {
            this(moved, checks, "");
        }

        /** The same, with what the loss history shows ({@link #lossTrend}). */
        Seen withLoss(double[] history) {
            return new Seen(moved, checks, lossTrend(history));
        }

        /** The parameters of {@code parameters} now against {@code initial}: did any change? */
        static boolean moved(java.util.List<org.scorelab.autograd.Tensor> parameters, java.util.List<INDArray> initial) {
            for (int i = 0; i < parameters.size(); i++) {
                if (!parameters.get(i).value().equals(initial.get(i))) {
                    return true;
                }
            }
            return false;
        }

        /** A copy of each parameter's value, before training. */
        static java.util.List<INDArray> snapshot(java.util.List<org.scorelab.autograd.Tensor> parameters) {
            return parameters.stream().map(t -> t.value().dup()).toList();
        }

        /** The task's public checks (its loss, its loop's inputs), run only if a message needs them: see PublicChecks. */
        static java.util.function.Supplier<String> publicChecks(Runnable... checks) {
            return () -> org.scorelab.suites.support.PublicChecks.firstFailing(checks);
        }

        /**
         * What happened, for a model that failed its quality check with a mean advantage {@code mean} over the Gaussian:
         * diverged (values not finite or beyond 1e4 per point), did not move, or moved but is worse than the Gaussian.
         */
        String describe(double mean, String units) {
            String found = checks.get();
            if (!Double.isFinite(mean) || Math.abs(mean) > 1e4) {
                return "training diverged: the trained model's values are " + (Double.isFinite(mean) ? "exploding (an advantage "
                    + "over the Gaussian of " + perPoint(mean, units) + ")" : "not finite")
                    + "; lower the learning rate, or keep the energies bounded (a small penalty on their squares)." + found;
            }
            if (!moved) {
                return "the model's parameters never moved from their initialisation: give the optimizer the model's "
                    + "parameters, and call its step every iteration." + found;
            }
            if (!found.isEmpty()) {
                return "training moved the model but left it worse than a Gaussian fitted to the data." + found;
            }
            return "training moved the model but left it worse than a Gaussian fitted to the data, while the loss and the "
                + "loop's inputs pass their public checks" + (loss.isEmpty()
                    ? ": check the sign of what the loop minimises, then the learning rate and the number of iterations"
                    : "; " + loss);
        }
    }

    /** What the loss history shows ({@link LossTrend}), with advice for a failed ebm training check. */
    static String lossTrend(double[] history) {
        return LossTrend.of(history, "train longer or with a larger learning rate, and check that the loss is the task's",
            "check the sign of what the loop minimises and the learning rate");
    }

    /**
     * Held-out log-likelihood of the energy, normalised by {@code density} (its quadrature), against the Gaussian
     * fitted to the training data: the paired per-point differences must have a mean above z standard errors.
     *
     * @return the mean advantage in nats per point
     */
    static Margin likelihoodBeatsTheGaussian(String task, String what, EnergyModel energy, GridDensity density,
                                             INDArray training, PointDistribution truth, Rng rng, Seen seen) {
        INDArray heldOut = truth.sample(5000, rng);
        Gaussian fitted = Gaussian.fittedTo(training, 1.0);
        double[] model = density.logLikelihoods(energy, heldOut);
        double[] baseline = fitted.logDensity(heldOut).data().asDouble();
        double[] d = new double[model.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = model[i] - baseline[i];
        }
        Margin margin = Margin.of(d);
        double mean = margin.mean();
        double bound = Thresholds.oneSidedZ(RATE) * margin.standardError();
        if (!(mean > bound)) {
            throw failure(task, what + ": held-out log-likelihood minus that of a Gaussian fitted to the data, 5000 points", mean,
                bound, "nats", seen);
        }
        return margin;
    }

    /** The kernel bandwidth of {@link #samplesBeatTheGaussian}: the scale of swiss-roll's noise (0.2), as in EbmRun. */
    static final double BANDWIDTH = 0.2;
    /**
     * Blocks of {@link #samplesBeatTheGaussian}, each of {@value #BLOCK} points: 300 (60,000 chains). With 100, a loop
     * that learned (s16-2 of docs/fairness.md, its samples 4.6 standard errors closer to the data than the Gaussian's)
     * failed the bar of 5.59; the rate at which a model no better than the Gaussian passes stays 1e-7 whatever the
     * number of blocks, and the margin of one that is better grows with its square root.
     */
    static final int BLOCKS = 300;
    static final int BLOCK = 200;

    /**
     * Samples of the trained model against samples of a Gaussian fitted to the data, by their squared maximum mean
     * discrepancy to held-out data ({@link Mmd}, Gaussian kernel of bandwidth {@value #BANDWIDTH}): over
     * {@value #BLOCKS} independent blocks of {@value #BLOCK} points each, the paired differences MMD^2(Gaussian,
     * held-out) - MMD^2(model, held-out) must have a mean above the one-sided Student t quantile (299 degrees of freedom,
     * rate 1e-7: 5.32) times its standard error. A model whose samples are no closer to the data than the Gaussian's
     * passes with probability at most 1e-7 (normal approximation of the block means). Measured advantages are in
     * docs/fairness.md.
     *
     * @param samples BLOCKS x BLOCK samples of the trained model
     * @return the mean advantage in MMD^2
     */
    static Margin samplesBeatTheGaussian(String task, String what, INDArray samples, INDArray training, PointDistribution truth,
                                         Rng rng, Seen seen) {
        String check = what + String.format(Locale.ROOT, ": MMD^2 to held-out data of a fitted Gaussian's samples minus that "
            + "of the trained model's samples, drawn as the training loop draws them (%d blocks of %d)", BLOCKS, BLOCK);
        if (!seen.moved()) {
            throw Feedback.of(task, check).mismatch("a trained model", "the parameters of the initialisation", seen.describe(0, ""));
        }
        double[] s = samples.dup('c').data().asDouble();
        for (double v : s) {
            if (!Double.isFinite(v) || Math.abs(v) > 1e3) {
                throw Feedback.of(task, check).mismatch("finite samples near the data", Double.isFinite(v) ? "samples beyond 1e3"
                    : "non-finite samples", "the trained energy pushes the Langevin chains away: training diverged; lower the "
                        + "learning rate, or keep the energies bounded (a small penalty on their squares)." + seen.checks().get());
            }
        }
        int n = BLOCKS * BLOCK;
        INDArray heldOut = truth.sample(n, rng);
        INDArray gaussian = Gaussian.fittedTo(training, 1.0).sample(n, rng);
        double[] d = new double[BLOCKS];
        for (int b = 0; b < BLOCKS; b++) {
            var rows = NDArrayIndex.interval((long) b * BLOCK, (long) (b + 1) * BLOCK);
            INDArray target = heldOut.get(rows, NDArrayIndex.all());
            d[b] = Mmd.squared(gaussian.get(rows, NDArrayIndex.all()), target, BANDWIDTH)
                - Mmd.squared(samples.get(rows, NDArrayIndex.all()), target, BANDWIDTH);
        }
        Margin margin = Margin.of(d);
        double t = Thresholds.oneSidedT(BLOCKS - 1, RATE);
        double bound = t * margin.standardError();
        if (!(margin.mean() > bound)) {
            throw Feedback.of(task, check).statistic("> 0", margin.mean(), String.format(Locale.ROOT, "a margin of %s (t = %.2f "
                + "standard errors)", Feedback.number(bound), t), RATE, seen.describe(margin.mean(), ""));
        }
        return margin;
    }

    private static String perPoint(double value, String units) {
        return Feedback.number(value) + (units.isEmpty() ? "" : " " + units) + " per point";
    }

    /** The failure of a quality check: a diverged model is reported as such, with no margin to read. */
    private static org.scorelab.suites.support.GradedFailure failure(String task, String what, double mean, double bound,
                                                                     String units, Seen seen) {
        if (!Double.isFinite(mean) || Math.abs(mean) > 1e4) {
            return Feedback.of(task, what).mismatch("a trained model with finite values, better than the Gaussian",
                Double.isFinite(mean) ? "a model that diverged (" + perPoint(mean, units) + ")"
                    : "a model that diverged (non-finite values)", seen.describe(mean, units));
        }
        return Feedback.of(task, what).statistic("> 0", mean, String.format(Locale.ROOT, "a margin of %s %s(z = %.2f standard "
            + "errors)", Feedback.number(bound), units.isEmpty() ? "" : units + " ", Thresholds.oneSidedZ(RATE)), RATE,
            seen.describe(mean, units));
    }

    /**
     * Held-out score matching: the method's own objective, per point, of the trained score and of the fitted
     * Gaussian's score, on the same fresh points. Both objectives are the Fisher divergence to the (perturbed) data plus
     * the same constant, so the paired differences must have a positive mean, by more than z standard errors.
     *
     * @param model the trained model's per-point objective
     * @param gaussian the fitted Gaussian's per-point objective on the same points
     * @return the mean advantage per point
     */
    static Margin objectiveBeatsTheGaussian(String task, String what, double[] model, double[] gaussian, Seen seen) {
        double[] d = new double[model.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = gaussian[i] - model[i];
        }
        Margin margin = Margin.of(d);
        double mean = margin.mean();
        double bound = Thresholds.oneSidedZ(RATE) * margin.standardError();
        if (!(mean > bound)) {
            throw failure(task, what + String.format(Locale.ROOT, ": held-out objective of the fitted Gaussian's score minus that "
                + "of the trained model, %d fresh points", d.length), mean, bound, "", seen);
        }
        return margin;
    }

    /** A loss history: at least 20 iterations, every loss finite. */
    static void finite(String task, double[] history) {
        if (history == null || history.length < 20) {
            throw Feedback.of(task, "loss history").mismatch("one loss per iteration, at least 20 iterations",
                history == null ? "null" : history.length + " values", "record the loss of every iteration and return them all");
        }
        for (int i = 0; i < history.length; i++) {
            if (!Double.isFinite(history[i])) {
                throw Feedback.of(task, "loss at iteration " + i).mismatch("a finite number", history[i],
                    "training diverged: the learning rate is too large, or the loss is computed unstably");
            }
        }
    }
}
