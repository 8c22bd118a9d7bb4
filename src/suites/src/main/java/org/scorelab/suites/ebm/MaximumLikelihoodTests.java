package org.scorelab.suites.ebm;

import static org.scorelab.suites.support.Thresholds.FALSE_FAILURE_RATE;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.MaximumLikelihood;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.Graded;
import org.scorelab.suites.support.ParameterGradientCheck;
import org.scorelab.suites.support.SampleMoments;
import org.scorelab.suites.support.ScalarLoss;
import org.scorelab.suites.support.Slips;
import org.scorelab.suites.support.Solutions;
import org.scorelab.suites.support.Thresholds;

/** Task 1.3, the loss: l = mean f(data) - mean f(samples), the quantity to MINIMISE. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class MaximumLikelihoodTests {
    static final String TASK = "1.3";

    private static MaximumLikelihood method() {
        return Solutions.ebm().maximumLikelihood();
    }

    @Test
    @Order(1)
    @Graded(assignment = "ebm", task = TASK, points = 1.0)
    void lossOnFixedInputsMatchesAHandComputation() {
        Models.Quadratic f = new Models.Quadratic(0.2, -0.4, 1.5, 0.7, 0.3);
        Rng rng = new Rng(161);
        INDArray data = rng.normal(6, 2);
        INDArray samples = rng.normal(5, 2).muli(2);
        double dataMean = meanEnergy(f, data);
        double sampleMean = meanEnergy(f, samples);
        Map<String, Double> candidates = new LinkedHashMap<>();
        candidates.put("the sign is flipped (the sheet's l): minimise mean f(data) - mean f(samples), so that training "
            + "LOWERS the energy of the data", sampleMean - dataMean);
        candidates.put("sums instead of means over the two batches", 6 * dataMean - 5 * sampleMean);
        candidates.put("only the data term: the samples' energies must be subtracted", dataMean);
        double expected = dataMean - sampleMean;
        ScalarLoss.matchesHandComputation(TASK, "loss of a quadratic energy, 6 data points and 5 samples", expected,
            method().loss(f, data, samples),
            found -> Slips.named(candidates, found, "loss = mean over data of f(x) - mean over samples of f(x^)"));
    }

    static double meanEnergy(Models.Quadratic f, INDArray x) {
        double[] xy = x.dup('c').data().asDouble();
        double[] energies = new double[xy.length / 2];
        for (int i = 0; i < energies.length; i++) {
            energies[i] = f.energyAt(xy[2 * i], xy[2 * i + 1]);
        }
        return SampleMoments.mean(energies);
    }


    @Test
    @Order(2)
    @Graded(assignment = "ebm", task = TASK, points = 1.0)
    void lossGradientWithRespectToTheParametersMatchesFiniteDifferences() {
        Models.Quadratic f = new Models.Quadratic(0.2, -0.4, 1.5, 0.7, 0.3);
        Rng rng = new Rng(162);
        INDArray data = rng.normal(8, 2);
        INDArray samples = rng.normal(8, 2).muli(1.5);
        String[] names = {"m", "p", "b"};
        // Tolerance 1e-6 (1 + |numeric|): a quadratic energy's loss is smooth with O(1) values, rounding ~1e-10
        // (ParameterGradientCheck; docs/fairness.md, "1.3, 2.2, 3.2.2 parameter gradients").
        ParameterGradientCheck.of(TASK, method().loss(f, data, samples), f.parameters())
            .dependsOnTheParameters("gradient of the loss w.r.t. the parameters", "a loss that depends on the parameters",
                "build the loss from model.energy(Tensor.constant(x)) with Tensor operations, not from plain numbers")
            .matchesFiniteDifferences(() -> Autograd.noGrad(() -> method().loss(f, data, samples).item()), 1e-6,
                k -> "d loss / d " + names[k] + " of a quadratic energy",
                k -> "the loss must be built from Tensor operations on model.energy(...) so that backward() reaches the parameters");
    }

    @Test
    @Order(3)
    @Graded(assignment = "ebm", task = TASK, points = 1.0)
    void gradientVanishesWhenModelAndDataAgree() {
        checkGradientAgainstGaussianData(0.0, 171);
    }

    @Test
    @Order(4)
    @Graded(assignment = "ebm", task = TASK, points = 1.0)
    void gradientPullsTheModelTowardsShiftedData() {
        checkGradientAgainstGaussianData(0.3, 172);
    }

    /**
     * Model f = ||x - m||^2 / (2 v), samples drawn from its own law N(m, v I), data from N(m + shift, v I). The loss
     * gradient in m is mean_samples (x - m) / v - mean_data (x - m) / v, in expectation -shift / v per coordinate; its
     * per-point terms give the standard error. z-test per coordinate, false-failure rate 1e-7 / 2 each.
     */
    static void checkGradientAgainstGaussianData(double shift, long seed) {
        double v = 0.5;
        int n = 20_000;
        Models.Quadratic f = Models.Quadratic.gaussian(1.0, -1.0, v);
        Rng rng = new Rng(seed);
        INDArray data = rng.normal(n, 2).muli(Math.sqrt(v)).addi(1.0 + shift);
        data.getColumn(1).subi(2.0);
        INDArray samples = rng.normal(n, 2).muli(Math.sqrt(v)).addi(1.0);
        samples.getColumn(1).subi(2.0);
        Tensor loss = method().loss(f, data, samples);
        Tensor[] grads = Autograd.grad(new Tensor[] {loss}, new Tensor[] {f.m}, null, false, true);
        double[] found = grads[0] == null ? new double[] {0, 0} : grads[0].value().toDoubleVector();
        double[] d = data.dup('c').data().asDouble();
        double[] s = samples.dup('c').data().asDouble();
        double z = Thresholds.twoSidedZ(FALSE_FAILURE_RATE / 2);
        double[] centre = {1.0, -1.0};
        for (int a = 0; a < 2; a++) {
            double[] dataTerms = new double[n];
            double[] sampleTerms = new double[n];
            for (int i = 0; i < n; i++) {
                dataTerms[i] = -(d[2 * i + a] - centre[a]) / v;
                sampleTerms[i] = -(s[2 * i + a] - centre[a]) / v;
            }
            double se = Math.hypot(SampleMoments.standardError(dataTerms), SampleMoments.standardError(sampleTerms));
            double expected = -shift / v;
            if (Math.abs(found[a] - expected) > z * se) {
                String mistake = Math.abs(found[a] + expected) <= z * se && shift != 0
                    ? "the gradient pushes m AWAY from the data: the sign of the loss is flipped; minimise mean f(data) - mean f(samples)"
                    : "loss = mean f(data) - mean f(samples), both means over their own batch";
                throw Feedback.of(TASK, String.format(Locale.ROOT, "d loss / d m_%d for f = ||x - m||^2 / (2 * 0.5), samples from the model, "
                        + "data shifted by %s, 20000 points each", a + 1, Feedback.number(shift)))
                    .statistic(expected, found[a], "+- " + Feedback.number(z * se), FALSE_FAILURE_RATE / 2, mistake);
            }
        }
    }
}
