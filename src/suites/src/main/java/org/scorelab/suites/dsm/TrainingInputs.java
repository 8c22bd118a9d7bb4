package org.scorelab.suites.dsm;

import static org.scorelab.suites.support.Thresholds.FALSE_FAILURE_RATE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.noise.NoiseLevels;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.SampleMoments;
import org.scorelab.suites.support.GradedFailure;
import org.scorelab.suites.support.Isolation;
import org.scorelab.suites.support.Solutions;
import org.scorelab.suites.support.Thresholds;

/**
 * What a student's {@code train} (Task 3.3) feeds its model in its first two iterations, against what it was given:
 * data at four points 10 apart (so every noisy point is traced to its clean point) and five levels no student picks
 * (0.02 to 0.8). Every point the model sees must be a data point plus sigma z with sigma one of the given levels drawn
 * uniformly, fresh z each iteration (issue 16: a loop can compute the right loss on the wrong inputs).
 */
final class TrainingInputs {
    static final String TASK = "3.3";
    static final double[] LEVELS = NoiseLevels.geometric(0.02, 0.8, 5);
    private static final double[][] CENTRES = {{0, 0}, {10, 0}, {0, 10}, {10, 10}};

    private TrainingInputs() {
    }

    /** The model of the check: a quadratic energy that records its inputs and stops the loop at its second update. */
    private static final class Watched implements EnergyModel {
        private final Energies.Quadratic inner = Energies.quadratic(1.0, 0.5, 5, 5);
        private double[] last = values();
        final List<double[]> points = new ArrayList<>();
        final List<double[]> sigmas = new ArrayList<>();
        final List<Integer> iteration = new ArrayList<>();
        int updates;

        @Override
        public Tensor energy(Tensor x, Tensor sigma) {
            double[] now = values();
            if (!java.util.Arrays.equals(now, last)) {
                last = now;
                if (++updates == 2) {
                    throw new Stop();
                }
            }
            if (points.size() == 10) {
                throw new Stop();
            }
            points.add(x.value().dup('c').data().asDouble());
            sigmas.add(sigma.value().dup('c').data().asDouble());
            iteration.add(updates);
            return inner.energy(x, sigma);
        }

        private double[] values() {
            double[] a = inner.a.value().dup().data().asDouble();
            double[] b = inner.b.value().dup().data().asDouble();
            double[] c = inner.c.value().dup('c').data().asDouble();
            return new double[] {a[0], b[0], c[0], c[1]};
        }

        @Override
        public List<Tensor> parameters() {
            return inner.parameters();
        }

        @Override
        public long parameterCount() {
            return inner.parameterCount();
        }
    }

    /** Ends the watched loop. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super("stopped by the check", null, false, false);
        }
    }

    /**
     * Runs the student's {@code train} until its second update and checks its inputs.
     *
     * @return null if they are right, else the failure to report
     * @throws Isolation.Blocked if the loop stopped inside Task 3.1's perturb (that task's checks report it)
     */
    static GradedFailure inspect() {
        INDArray data = Nd4j.createFromArray(CENTRES).repeat(0, 250);
        Watched model = new Watched();
        Isolation.run(TASK, 45, () -> {
            try {
                Solutions.dsm().objective().train(model, data, LEVELS.clone(), new Rng(340));
            } catch (Stop expected) {
                // the model has seen two iterations
            }
            return null;
        }, Map.of(Solutions.dsm().perturbation().getClass(), "3.1"));
        String what = "your train(...) on data at (0, 0), (10, 0), (0, 10) and (10, 10) with the levels "
            + Feedback.format(LEVELS) + ", the points of its first iterations";
        if (model.points.isEmpty()) {
            return Feedback.of(TASK, what).mismatch("the model evaluated at noisy data points", "no evaluation",
                "each iteration evaluates the loss, i.e. the model, on a batch of perturbed data points");
        }
        List<double[]> z = new ArrayList<>();
        long[] counts = new long[LEVELS.length];
        int pointsSeen = 0;
        for (int e = 0; e < model.points.size(); e++) {
            double[] p = model.points.get(e);
            double[] s = model.sigmas.get(e);
            if (s.length != 1 && s.length != p.length / 2) {
                return Feedback.of(TASK, what).mismatch("one noise level per point, shape [n, 1]", s.length + " levels for "
                    + p.length / 2 + " points", "feed each point's own sigma with it, as a column [n, 1]");
            }
            for (int i = 0; i < p.length / 2; i++) {
                double sigma = s[s.length == 1 ? 0 : i]; // a [1, 1] level broadcast over the batch is one level for all
                int level = levelOf(sigma);
                if (level < 0) {
                    return Feedback.of(TASK, what + ": the noise level fed with point " + pointsSeen)
                        .mismatch("one of the levels passed to train, " + Feedback.format(LEVELS), sigma,
                            "draw each point's sigma from the levels given to train (levels[rng.nextInt(L)]), not from your "
                                + "own choice of levels");
                }
                counts[level]++;
                double[] centre = nearest(p[2 * i], p[2 * i + 1]);
                double zx = (p[2 * i] - centre[0]) / sigma;
                double zy = (p[2 * i + 1] - centre[1]) / sigma;
                if (!(Math.abs(zx) <= 7 && Math.abs(zy) <= 7)) {
                    return Feedback.of(TASK, what).mismatch("every point within 7 sigma of a data point", String.format(
                        Locale.ROOT, "(%s, %s) fed with sigma = %s", Feedback.number(p[2 * i]), Feedback.number(p[2 * i + 1]),
                        Feedback.number(sigma)), "perturb the data points themselves, x~ = x + sigma z with the point's own sigma");
                }
                z.add(new double[] {zx, zy});
                pointsSeen++;
            }
        }
        GradedFailure levels = checkLevelCounts(what, counts, pointsSeen);
        if (levels != null) {
            return levels;
        }
        GradedFailure noise = SharedFixtures.perturbationIsSound() ? checkNoise(what, z) : null;
        return noise != null ? noise : checkFresh(what, model);
    }

    private static int levelOf(double sigma) {
        for (int k = 0; k < LEVELS.length; k++) {
            if (Math.abs(sigma - LEVELS[k]) <= 1e-12 * LEVELS[k]) {
                return k;
            }
        }
        return -1;
    }

    private static double[] nearest(double x, double y) {
        double[] best = CENTRES[0];
        for (double[] c : CENTRES) {
            if (Math.hypot(x - c[0], y - c[1]) < Math.hypot(x - best[0], y - best[1])) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Levels drawn uniformly: chi-squared of the counts, halved, below the 1 - 1e-7 quantile of chi-squared with L - 1
     * degrees of freedom. Halved because a loop may use each drawn level for two points (antithetic noise, as the
     * reference does), which doubles the statistic; for independent draws halving only makes the check more lenient.
     */
    private static GradedFailure checkLevelCounts(String what, long[] counts, int n) {
        if (n < 10 * LEVELS.length) {
            return null;
        }
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - n / (double) LEVELS.length) * (c - n / (double) LEVELS.length) / (n / (double) LEVELS.length);
        }
        double limit = Thresholds.chiSquaredUpper(LEVELS.length - 1, FALSE_FAILURE_RATE);
        if (chi2 / 2 > limit) {
            long used = java.util.Arrays.stream(counts).filter(c -> c > 0).count();
            return Feedback.of(TASK, what + ": how often each level is drawn, " + n + " points").statistic(
                "about " + n / LEVELS.length + " each", Feedback.format(counts), String.format(Locale.ROOT,
                    "half the chi-squared statistic <= %.1f (found %.1f)", limit, chi2 / 2), FALSE_FAILURE_RATE, used == 1
                    ? "one level for the whole batch: draw a level for EACH point" : used < LEVELS.length
                    ? "some levels are never drawn: levels[rng.nextInt(L)] draws each of the L levels" : "draw the levels uniformly");
        }
        return null;
    }

    /**
     * z = (x~ - x) / sigma must be standard normal: mean square in the chi-squared interval of half the degrees of
     * freedom (antithetic pairs repeat each square), mean within 5.33 standard errors of a sum of paired values.
     */
    private static GradedFailure checkNoise(String what, List<double[]> z) {
        int count = 2 * z.size();
        double[] pooled = new double[count];
        for (int i = 0; i < z.size(); i++) {
            pooled[2 * i] = z.get(i)[0];
            pooled[2 * i + 1] = z.get(i)[1];
        }
        int df = count / 2;
        double[] interval = Thresholds.chiSquaredInterval(df, FALSE_FAILURE_RATE);
        double meanBound = Thresholds.twoSidedZ(FALSE_FAILURE_RATE) * Math.sqrt(2.0 / count);
        double mean = SampleMoments.mean(pooled);
        double meanSquare = SampleMoments.meanSquare(pooled);
        if (Math.abs(mean) > meanBound || meanSquare < interval[0] / df || meanSquare > interval[1] / df) {
            return Feedback.of(TASK, what + ": (x~ - x) / sigma over " + z.size() + " points").statistic("mean 0, mean square 1",
                String.format(Locale.ROOT, "mean %.4f, mean square %.4f", mean, meanSquare),
                String.format(Locale.ROOT, "+- %.4f and [%.4f, %.4f]", meanBound, interval[0] / df, interval[1] / df),
                FALSE_FAILURE_RATE, meanSquare < 1e-20 ? "the model is evaluated at the clean points: evaluate it at x~ = x + sigma z"
                    : "x~ = x + sigma z with fresh standard normal z and the point's own sigma (the one fed to the model)");
        }
        return null;
    }

    /**
     * The noisy points of the second iteration must not repeat those of the first (fresh noise every iteration): with
     * fresh Gaussian noise no point repeats exactly; a loop that perturbs its data once and draws batches of the result
     * repeats about 40% of them here, one that reuses its first batch all of them. More than 10% fails.
     */
    private static GradedFailure checkFresh(String what, Watched model) {
        Set<List<Double>> first = new HashSet<>();
        List<List<Double>> second = new ArrayList<>();
        for (int e = 0; e < model.points.size(); e++) {
            double[] p = model.points.get(e);
            for (int i = 0; i + 1 < p.length; i += 2) {
                (model.iteration.get(e) == 0 ? (java.util.Collection<List<Double>>) first : second).add(List.of(p[i], p[i + 1]));
            }
        }
        long repeated = second.stream().filter(first::contains).count();
        if (!second.isEmpty() && repeated > second.size() / 10) {
            return Feedback.of(TASK, what + ": noisy points of the second iteration").mismatch("fresh points",
                repeated + " of " + second.size() + " repeat the first iteration's",
                "draw fresh levels and noise inside the loop, every iteration, not once before it");
        }
        return null;
    }
}
