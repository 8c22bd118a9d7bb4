package org.scorelab.suites.ebm;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.data.Gaussian;
import org.scorelab.data.PointDistribution;
import org.scorelab.diagnostics.GridDensity;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Feedback;
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
            return new Margin(Samples.mean(d), Samples.standardError(d));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.4f (se %.4f, %.0f standard errors)", mean, standardError, mean / standardError);
        }
    }

    private TrainedModelQuality() {
    }

    /**
     * Held-out log-likelihood of the energy, normalised by {@code density} (its quadrature), against the Gaussian
     * fitted to the training data: the paired per-point differences must have a mean above z standard errors.
     *
     * @return the mean advantage in nats per point
     */
    static Margin likelihoodBeatsTheGaussian(String task, String what, EnergyModel energy, GridDensity density,
                                             INDArray training, PointDistribution truth, Rng rng) {
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
            throw Feedback.of(task, what + ": held-out log-likelihood minus that of a Gaussian fitted to the data, 5000 points")
                .statistic("> 0", mean, String.format(Locale.ROOT, "a margin of %s nats (z = %.2f standard errors)",
                    Feedback.number(bound), Thresholds.oneSidedZ(RATE)), RATE,
                    "the trained energy is no better than a Gaussian: check that training lowers the energy of the data "
                        + "(the sign of the loss), the learning rate and the number of iterations");
        }
        return margin;
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
    static Margin objectiveBeatsTheGaussian(String task, String what, double[] model, double[] gaussian) {
        double[] d = new double[model.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = gaussian[i] - model[i];
        }
        Margin margin = Margin.of(d);
        double mean = margin.mean();
        double bound = Thresholds.oneSidedZ(RATE) * margin.standardError();
        if (!(mean > bound)) {
            throw Feedback.of(task, what + String.format(Locale.ROOT, ": held-out objective of the fitted Gaussian's score minus that "
                    + "of the trained model, %d fresh points", d.length))
                .statistic("> 0", mean, String.format(Locale.ROOT, "a margin of %s (z = %.2f standard errors)",
                    Feedback.number(bound), Thresholds.oneSidedZ(RATE)), RATE,
                    "the trained score is no better than a Gaussian's: check the loss's target and sign, the learning "
                        + "rate and the number of iterations");
        }
        return margin;
    }

    /**
     * The loss must fall: the mean of the first 5% of iterations (at least 10) minus that of the last 10% must exceed
     * z standard errors of the difference (normal approximation; a loop that never updates has a difference near 0).
     */
    static void lossFalls(String task, double[] history) {
        finite(task, history);
        double[] first = Arrays.copyOfRange(history, 0, Math.max(10, history.length / 20));
        double[] last = Arrays.copyOfRange(history, history.length - Math.max(10, history.length / 10), history.length);
        double drop = Samples.mean(first) - Samples.mean(last);
        double se = Math.hypot(Samples.standardError(first), Samples.standardError(last));
        double bound = Thresholds.oneSidedZ(RATE) * se;
        if (!(drop > bound)) {
            throw Feedback.of(task, "training loss, first 5% of iterations minus last 10%")
                .statistic("> 0", drop, "a margin of " + Feedback.number(bound), RATE,
                    "the loss does not fall: the optimizer must update the model's parameters (pass model.parameters() "
                        + "to it) and minimise the loss (not maximise)");
        }
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
                    "the learning rate is too large, or the loss is computed unstably");
            }
        }
    }
}
