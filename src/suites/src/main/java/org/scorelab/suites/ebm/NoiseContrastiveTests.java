package org.scorelab.suites.ebm;

import static org.scorelab.suites.support.Thresholds.FALSE_FAILURE_RATE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Tensor;
import org.scorelab.data.Gaussian;
import org.scorelab.ebm.api.NoiseContrastive;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Checks;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.Graded;
import org.scorelab.suites.support.ParameterGradientCheck;
import org.scorelab.suites.support.SampleMoments;
import org.scorelab.suites.support.ScalarLoss;
import org.scorelab.suites.support.Slips;
import org.scorelab.suites.support.Solutions;
import org.scorelab.suites.support.Thresholds;

/**
 * Task 2.2: the NCE loss -(1/n) [sum_x log r(x) + sum_y log(1 - r(y))], r = sigmoid(-f + c - log q), checked by hand
 * on fixed inputs, at the true log-normaliser (where its gradient in c vanishes in expectation), against finite
 * differences, and with energies of +-1e4.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class NoiseContrastiveTests {
    static final String TASK = "2.2";
    private static final Gaussian Q = new Gaussian(new double[] {0.1, -0.1}, new double[] {1.2, 0.8});

    private static NoiseContrastive method() {
        return Solutions.ebm().noiseContrastive();
    }

    private static Tensor c(double value) {
        return Tensor.variable(Nd4j.createFromArray(new double[][] {{value}}));
    }

    /** log sigmoid(t) = -softplus(-t), without overflow for |t| up to 1e308. */
    static double logSigmoid(double t) {
        return t >= 0 ? -Math.log1p(Math.exp(-t)) : t - Math.log1p(Math.exp(t));
    }

    /** G = -f + c - log q at each point. */
    private static double[] logRatios(Models.Quadratic f, double c, INDArray u) {
        double[] xy = u.dup('c').data().asDouble();
        double[] v = f.values();
        double[] g = new double[xy.length / 2];
        for (int i = 0; i < g.length; i++) {
            g[i] = -Models.Quadratic.energyAt(v, xy[2 * i], xy[2 * i + 1]) + c - Q.logDensity(xy[2 * i], xy[2 * i + 1]);
        }
        return g;
    }

    @Test
    @Order(1)
    @Graded(assignment = "ebm", task = TASK, points = 1.0)
    void lossOnFixedInputsMatchesAHandComputation() {
        Models.Quadratic f = new Models.Quadratic(0.2, -0.4, 1.5, 0.7, 0.3);
        double c = 0.4;
        Rng rng = new Rng(211);
        INDArray data = rng.normal(6, 2).muli(0.7);
        INDArray noise = Q.sample(6, rng);
        double[] gx = logRatios(f, c, data);
        double[] gy = logRatios(f, c, noise);
        double right = 0;
        double noLogQ = 0;
        double flippedEnergy = 0;
        double noiseTermWrong = 0;
        double cSubtracted = 0;
        double[] dataXy = data.dup('c').data().asDouble();
        double[] noiseXy = noise.dup('c').data().asDouble();
        for (int i = 0; i < 6; i++) {
            double[] x = Samples.point(dataXy, i);
            double[] y = Samples.point(noiseXy, i);
            right -= logSigmoid(gx[i]) + logSigmoid(-gy[i]);
            noLogQ -= logSigmoid(gx[i] + Q.logDensity(x[0], x[1])) + logSigmoid(-(gy[i] + Q.logDensity(y[0], y[1])));
            double fx = f.energyAt(x[0], x[1]);
            double fy = f.energyAt(y[0], y[1]);
            flippedEnergy -= logSigmoid(gx[i] + 2 * fx) + logSigmoid(-(gy[i] + 2 * fy));
            noiseTermWrong -= logSigmoid(gx[i]) + logSigmoid(gy[i]);
            cSubtracted -= logSigmoid(gx[i] - 2 * c) + logSigmoid(-(gy[i] - 2 * c));
        }
        Map<String, Double> candidates = new LinkedHashMap<>();
        candidates.put("log q is missing from the classifier's logit G (see NoiseContrastiveEstimation's Javadoc)", noLogQ / 6);
        candidates.put("the energy enters the model's log-density with the wrong sign: low energy must mean high density",
            flippedEnergy / 6);
        candidates.put("the noise term uses log r(y) where eq. (4) of the sheet has log(1 - r(y))", noiseTermWrong / 6);
        candidates.put("c = log(1/z) enters the model's log-density with the wrong sign", cSubtracted / 6);
        candidates.put("sums instead of the mean over the n pairs", right);
        candidates.put("half the right value: divide the sum of both terms by n (the number of data points), not by 2n", right / 12);
        double expected = right / 6;
        ScalarLoss.matchesHandComputation(TASK, "loss of a quadratic energy with c = 0.4, 6 data and 6 noise points", expected,
            method().loss(f, c(c), data, noise, Q),
            found -> Slips.named(candidates, found, Slips.prefix(Slips.seen(expected, found)) + "compare with eq. (4) of the "
                + "sheet and the loss in NoiseContrastiveEstimation's Javadoc: the logit G (the signs of f and c, and log q), "
                + "both terms, and the mean over n"));
    }

    @Test
    @Order(2)
    @Graded(assignment = "ebm", task = TASK, points = 1.0)
    void lossGradientWithRespectToTheParametersAndCMatchesFiniteDifferences() {
        Models.Quadratic f = new Models.Quadratic(0.2, -0.4, 1.5, 0.7, 0.3);
        Tensor c = c(-0.2);
        Rng rng = new Rng(212);
        INDArray data = rng.normal(8, 2).muli(0.7);
        INDArray noise = Q.sample(8, rng);
        List<Tensor> all = new ArrayList<>(f.parameters());
        all.add(c);
        String[] names = {"m", "p", "b", "c"};
        // Tolerance 1e-6 (1 + |numeric|): a quadratic energy's loss is smooth with O(1) values, rounding ~1e-10
        // (ParameterGradientCheck; docs/fairness.md, "1.3, 2.2, 3.2.2 parameter gradients").
        ParameterGradientCheck.of(TASK, method().loss(f, c, data, noise, Q), all)
            .dependsOnTheParameters("gradient of the loss", "a loss that depends on the parameters and c",
                "build the loss from Tensor operations on model.energy(...) and c")
            .matchesFiniteDifferences(() -> Autograd.noGrad(() -> method().loss(f, c, data, noise, Q).item()), 1e-6,
                k -> "d loss / d " + names[k],
                k -> k == 3 ? "c must enter the loss as a Tensor, so that the loss depends on it and it is trained with the energy"
                    : "the loss must be built from Tensor operations so that backward() reaches the parameters");
    }

    @Test
    @Order(3)
    @Graded(assignment = "ebm", task = TASK, points = 1.0)
    void atTheTrueLogNormaliserTheLossIsItsPopulationValueAndStationaryInC() {
        checkAtTheTrueNormaliser(221);
    }

    /**
     * The model is the data's own law N(m, v I), c its true log(1/z). Then E_p[1 - r] = E_q[r] (both equal
     * int p q / (p + q)), so d loss / d c = -mean_x (1 - r(x)) + mean_y r(y) is 0 in expectation, while a wrong
     * sign or a missing log q moves it by far more than its standard error. The loss itself must match its population
     * value, by quadrature. Two z-tests, false-failure rate 1e-7 / 2 each.
     */
    static void checkAtTheTrueNormaliser(long seed) {
        int n = 20_000;
        double v = 0.4;
        Models.Quadratic f = Models.Quadratic.gaussian(0.3, 0.2, v);
        double trueC = f.logInverseNormaliser();
        Rng rng = new Rng(seed);
        INDArray data = rng.normal(n, 2).muli(Math.sqrt(v));
        data.getColumn(0).addi(0.3);
        data.getColumn(1).addi(0.2);
        INDArray noise = Q.sample(n, rng);
        Tensor c = c(trueC);
        Tensor loss = method().loss(f, c, data, noise, Q);
        double lossValue = ScalarLoss.value(TASK, loss);
        Tensor[] grads = Autograd.grad(new Tensor[] {loss}, new Tensor[] {c}, null, false, true);
        double found = grads[0] == null ? 0 : grads[0].item();
        double[] gx = logRatios(f, trueC, data);
        double[] gy = logRatios(f, trueC, noise);
        double[] dataTerms = new double[n];
        double[] noiseTerms = new double[n];
        for (int i = 0; i < n; i++) {
            dataTerms[i] = -Math.exp(logSigmoid(-gx[i]));
            noiseTerms[i] = Math.exp(logSigmoid(gy[i]));
        }
        double se = Math.hypot(SampleMoments.standardError(dataTerms), SampleMoments.standardError(noiseTerms));
        double z = Thresholds.twoSidedZ(FALSE_FAILURE_RATE / 2);
        double[] lossTermsData = new double[n];
        double[] lossTermsNoise = new double[n];
        for (int i = 0; i < n; i++) {
            lossTermsData[i] = -logSigmoid(gx[i]);
            lossTermsNoise[i] = -logSigmoid(-gy[i]);
        }
        double lossSe = Math.hypot(SampleMoments.standardError(lossTermsData), SampleMoments.standardError(lossTermsNoise));
        double population = populationLoss(f, trueC);
        if (Math.abs(lossValue - population) > z * lossSe) {
            throw Feedback.of(TASK, "loss when the model is the data's law and c its true log(1/z), 20000 + 20000 points")
                .statistic(population, lossValue, "+- " + Feedback.number(z * lossSe), FALSE_FAILURE_RATE / 2,
                    "the population value -(E_p log r + E_q log(1 - r)) is computed by quadrature; check the logit G "
                        + "(the signs of f and c, and log q) and the mean over n data and n noise points");
        }
        if (Math.abs(found) > z * se) {
            throw Feedback.of(TASK, "d loss / d c when the model is the data's law and c its true log(1/z), 20000 + 20000 points")
                .statistic(0.0, found, "+- " + Feedback.number(z * se), FALSE_FAILURE_RATE / 2,
                    "at the true normaliser the classifier is Bayes-optimal and the loss is stationary in c; check the "
                        + "logit G (the signs of f and c, and log q) and the mean over n data and n noise points");
        }
    }

    /** -(E_p log r + E_q log(1 - r)) by the midpoint rule on [-8, 8]^2, 800 x 800 cells (p and q are Gaussians). */
    private static double populationLoss(Models.Quadratic f, double c) {
        int m = 800;
        double lo = -8;
        double h = 16.0 / m;
        double total = 0;
        double[] v = f.values();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double x = lo + (i + 0.5) * h;
                double y = lo + (j + 0.5) * h;
                double logP = -Models.Quadratic.energyAt(v, x, y) + c;
                double logQ = Q.logDensity(x, y);
                double g = logP - logQ;
                total -= Math.exp(logP) * logSigmoid(g) + Math.exp(logQ) * logSigmoid(-g);
            }
        }
        return total * h * h;
    }

    @Test
    @Order(4)
    @Graded(assignment = "ebm", task = TASK, points = 1.0)
    void hugeEnergiesGiveAFiniteLossAndGradient() {
        Rng rng = new Rng(231);
        INDArray data = rng.normal(5, 2);
        INDArray noise = Q.sample(5, rng);
        for (double offset : new double[] {1e4, -1e4}) {
            Models.Quadratic f = new Models.Quadratic(0.0, 0.0, 1.0, 1.0, offset);
            Tensor c = c(0.0);
            String what = "energies near " + (offset > 0 ? "+" : "") + Feedback.number(offset);
            Tensor loss = method().loss(f, c, data, noise, Q);
            double found = ScalarLoss.value(TASK, loss);
            double expected = 0;
            double[] gx = logRatios(f, 0, data);
            double[] gy = logRatios(f, 0, noise);
            for (int i = 0; i < 5; i++) {
                expected -= (logSigmoid(gx[i]) + logSigmoid(-gy[i])) / 5;
            }
            String stable = "log(sigmoid(t)) overflows for |t| ~ 1e4: use Tensor.logSigmoid(), and log(1 - sigmoid(t)) = logSigmoid(-t)";
            Checks.finite(TASK, "loss with " + what, new double[] {found}, stable);
            Checks.close(TASK, "loss with " + what, expected, found, 1e-9, 1e-9,
                "the loss is finite but wrong: lossOnFixedInputsMatchesAHandComputation names the likely mistake");
            Tensor[] grads = Autograd.grad(new Tensor[] {loss}, new Tensor[] {f.b, c}, null, false, true);
            for (Tensor g : grads) {
                if (g != null) {
                    Checks.finite(TASK, "gradient with " + what, g.value().dup('c').data().asDouble(), stable);
                }
            }
        }
    }
}
