package org.scorelab.suites.ebm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;
import org.scorelab.random.Rng;
import org.scorelab.suites.support.Feedback;
import org.scorelab.suites.support.Graded;
import org.scorelab.suites.support.Solutions;

/**
 * Tasks 1.3, 2.2 and 3.1.1: each method's {@code train} trains on what it is given (issue 16: a loop can compute the
 * right loss on the wrong inputs). The loop runs on a model of the suites' that watches it until its first updates,
 * on a data set of the suites' whose points it can recognise, so these checks take seconds and need no training.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class TrainingLoopTests {
    /** The rows a loop fed its model, sorted by where they came from. */
    record Sources(int data, int given, int other, Spies.Row example) {
        String describe(String givenName) {
            return String.format(Locale.ROOT, "%d rows of the data, %d %s, %d other points%s", data, given, givenName, other,
                example == null ? "" : String.format(Locale.ROOT, " (e.g. (%s, %s))", Feedback.number(example.x()),
                    Feedback.number(example.y())));
        }
    }

    static Sources sources(List<double[]> evaluated, Set<Spies.Row> data, Set<Spies.Row> given) {
        int d = 0;
        int g = 0;
        int o = 0;
        Spies.Row example = null;
        for (double[] a : evaluated) {
            for (int i = 0; i + 1 < a.length; i += 2) {
                Spies.Row row = new Spies.Row(a[i], a[i + 1]);
                if (data.contains(row)) {
                    d++;
                } else if (given.contains(row)) {
                    g++;
                } else {
                    o++;
                    example = example == null ? row : example;
                }
            }
        }
        return new Sources(d, g, o, example);
    }

    /** Runs a student's train until the watching model stops it (or to its end). */
    static void watch(Runnable train) {
        try {
            train.run();
        } catch (Models.Watched.Stop expected) {
            // the model has seen what the check needs
        }
    }

    private static List<double[]> list(INDArray a) {
        List<double[]> out = new ArrayList<>();
        out.add(a.dup('c').data().asDouble());
        return out;
    }

    /** n points uniform on the ring of radii 1.0 to 1.4 around the origin. */
    static INDArray ring(int n, Rng rng) {
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            double r = 1.0 + 0.4 * rng.nextDouble();
            double t = 2 * Math.PI * rng.nextDouble();
            p[i] = new double[] {r * Math.cos(t), r * Math.sin(t)};
        }
        return Nd4j.createFromArray(p);
    }

    @Test
    @Order(1)
    @Graded(assignment = "ebm", task = "1.3", points = 1.0)
    void maximumLikelihoodContrastsTheDataWithTheGivenSamplersSamples() {
        checkMaximumLikelihoodLoop();
    }

    /** The check of {@link #maximumLikelihoodContrastsTheDataWithTheGivenSamplersSamples}. */
    static void checkMaximumLikelihoodLoop() {
        // The data: a ring around the origin. The sampler: points near the origin, in the ring's hole, whatever it is
        // asked. The model: f = 1/2 sum_a p_a (x_a - m_a)^2 + b from m = 0, p = 1, b = 0. With the samples inside and the
        // data outside, d loss / d p_a = 1/2 (mean over data - mean over samples) of x_a^2 > 0, so the first update
        // lowers p (widens the model towards the data) for any optimizer of the kit; a penalty on the squared
        // energies, weight decay or a gradient penalty push p the same way.
        INDArray data = ring(2_000, new Rng(181));
        Models.Quadratic f = new Models.Quadratic(0, 0, 1, 1, 0);
        Spies.WatchedEnergy energy = new Spies.WatchedEnergy(f, f.parameters(), 1, 200);
        Spies.DistinctiveSampler sampler = new Spies.DistinctiveSampler(new double[] {0, 0}, 0.15, 182);
        watch(() -> Solutions.ebm().maximumLikelihood().train(energy, data, sampler, new Rng(183)));
        String what = "maximum likelihood's train(...) until its first update, with the suites' sampler (its samples lie "
            + "inside a ring of data)";
        if (sampler.outputs.isEmpty()) {
            throw Feedback.of("1.3", what).mismatch("model samples drawn with the sampler passed to train", "the sampler never called",
                "draw the model samples of every iteration with sampler.sample(...) of the sampler given to train, not with "
                    + "your own Langevin or from the data (the suites pass their own sampler so that your sampler's "
                    + "mistakes cost only its own checks)");
        }
        Sources seen = sources(energy.beforeUpdate, Spies.rows(list(data)), Spies.rows(sampler.outputs));
        if (seen.given() == 0) {
            throw Feedback.of("1.3", what + ": points the energy was evaluated at").mismatch("the sampler's samples among them",
                seen.describe("of the sampler's samples"), "the loss's model samples must be what sampler.sample(...) "
                    + "returns, unchanged: not the chains' start points, not the data plus noise");
        }
        if (seen.data() == 0) {
            throw Feedback.of("1.3", what + ": points the energy was evaluated at").mismatch("rows of the data among them",
                seen.describe("of the sampler's samples"), "the data term of the loss needs a batch of the data passed to train");
        }
        if (energy.afterFirstUpdate == null) {
            throw Feedback.of("1.3", what).mismatch("an update of the energy's parameters", "no update in " + energy.all.size()
                + " evaluations", "minimise the loss with an optimizer over energy.parameters() (TrainingLoop.minimise)");
        }
        double[] before = energy.initial[1];
        double[] after = energy.afterFirstUpdate[1];
        if (!(after[0] + after[1] < before[0] + before[1])) {
            throw Feedback.of("1.3", what + ": the model's precisions p at the first update")
                .mismatch("smaller than (1, 1): the model widens towards the data", after,
                    "the first update moved the model towards the sampler's samples and away from the data: the loss must "
                        + "LOWER the energy of the data and raise that of the samples, i.e. minimise "
                        + "loss(energy, data, samples) = mean f(data) - mean f(samples), with the data first");
        }
    }

    /** n points in four tight clusters (standard deviation 0.05) at (+-1, +-1). */
    static INDArray clusters(int n, Rng rng) {
        INDArray p = rng.normal(n, 2).muli(0.05);
        for (int i = 0; i < n; i++) {
            p.putScalar(i, 0, p.getDouble(i, 0) + (i % 2 == 0 ? 1 : -1));
            p.putScalar(i, 1, p.getDouble(i, 1) + (i % 4 < 2 ? 1 : -1));
        }
        return p;
    }

    /** The radius around each cluster centre within which the check counts noise points. */
    static final double NEAR_A_CLUSTER = 0.3;
    /** The largest accepted fraction of noise points near a cluster; see the check. */
    static final double NEAR_FRACTION_LIMIT = 0.5;

    @Test
    @Order(2)
    @Graded(assignment = "ebm", task = "2.2", points = 1.0)
    void noiseContrastiveTrainsCWithTheEnergyOnDataAgainstNoiseFromQ() {
        checkNoiseContrastiveLoop();
    }

    /** The check of {@link #noiseContrastiveTrainsCWithTheEnergyOnDataAgainstNoiseFromQ}. */
    static void checkNoiseContrastiveLoop() {
        INDArray data = clusters(2_000, new Rng(281));
        Models.Quadratic f = new Models.Quadratic(0, 0, 1, 1, 0);
        Tensor c = Tensor.variable(Nd4j.zeros(DataType.DOUBLE, 1, 1));
        List<Tensor> watched = new ArrayList<>(f.parameters());
        watched.add(c);
        Spies.WatchedEnergy energy = new Spies.WatchedEnergy(f, watched, 20, 200);
        energy.stopIfUnchanged = 3; // c left out of the optimizer: report it before the loop goes on with a stale c
        watch(() -> Solutions.ebm().noiseContrastive().train(energy, c, data, new Rng(282)));
        String what = "NCE's train(...) on data in four tight clusters at (+-1, +-1), until its first updates";
        Set<Spies.Row> dataRows = Spies.rows(list(data));
        Sources first = sources(energy.beforeUpdate, dataRows, Set.of());
        if (first.data() == 0 || first.other() == 0) {
            throw Feedback.of("2.2", what + ": points the energy was evaluated at before the first update")
                .mismatch("rows of the data and as many noise points", first.describe("given"), first.data() == 0
                    ? "the data term needs a batch of the data passed to train"
                    : "the noise term needs fresh points drawn from q (q.sample(n, rng)), not rows of the data");
        }
        if (energy.afterFirstUpdate == null) {
            throw Feedback.of("2.2", what).mismatch("an update of the energy's parameters and c", "no update in " + energy.all.size()
                + " evaluations", "minimise the loss with one optimizer over energy.parameters() and c");
        }
        if (energy.afterFirstUpdate[3][0] == energy.initial[3][0]) {
            throw Feedback.of("2.2", what + ": c at the first update").mismatch("c updated with the energy's parameters",
                "c unchanged (" + Feedback.number(energy.afterFirstUpdate[3][0]) + ")",
                "c must be trained with the energy: put it in the optimizer's parameters with energy.parameters()");
        }
        // Noise from any Gaussian (or uniform) q that covers the data puts at most ~7% of its points within 0.3 of a
        // cluster centre (4 discs of area 0.28 under a density of at most 1 / (2 pi) e^-1 for a Gaussian centred on
        // the data, or 1/16 for a uniform box of side 4); noise made from the data plus a little noise puts most of its
        // points there. With 100 points or more, a q with 10% of its mass there exceeds half with probability < 1e-17.
        List<double[]> noise = new ArrayList<>();
        int near = 0;
        for (double[] a : energy.all) {
            for (int i = 0; i + 1 < a.length; i += 2) {
                if (!dataRows.contains(new Spies.Row(a[i], a[i + 1]))) {
                    near += Math.hypot(Math.abs(a[i]) - 1, Math.abs(a[i + 1]) - 1) < NEAR_A_CLUSTER ? 1 : 0;
                    noise.add(new double[] {a[i], a[i + 1]});
                }
            }
        }
        if (noise.size() >= 100 && near > NEAR_FRACTION_LIMIT * noise.size()) {
            throw Feedback.of("2.2", what + ": noise points within " + NEAR_A_CLUSTER + " of a cluster centre")
                .mismatch(String.format(Locale.ROOT, "at most half (noise from a Gaussian q covering the data: about 7%%)"),
                    near + " of " + noise.size(), "the noise must be drawn from q itself (q.sample(n, rng)), the distribution "
                        + "whose log q enters the loss, not made from the data plus a little noise");
        }
    }

    @Test
    @Order(3)
    @Graded(assignment = "ebm", task = "3.1.1", points = 0.5)
    void implicitScoreMatchingTrainsOnBatchesOfTheData() {
        checkImplicitScoreMatchingLoop();
    }

    /** The check of {@link #implicitScoreMatchingTrainsOnBatchesOfTheData}. */
    static void checkImplicitScoreMatchingLoop() {
        INDArray data = new Rng(381).normal(500, 2);
        Models.Watched model = new Models.Watched(
            new Models.LinearScore(new double[][] {{-1, 0}, {0, -1}}, new double[] {0, 0}), 3);
        watch(() -> Solutions.ebm().implicitScoreMatching().train(model, data, new Rng(382)));
        Sources seen = sources(model.inputs, Spies.rows(list(data)), Set.of());
        String what = "implicit score matching's train(...), the points of its first 3 evaluations of the model";
        if (seen.data() == 0 || seen.other() > 0) {
            throw Feedback.of("3.1.1", what).mismatch("rows of the data only", seen.describe("given"), seen.data() == 0
                && seen.other() == 0 ? "train must evaluate the loss on batches of the data"
                : "implicit score matching needs no noise: evaluate the loss on batches of the data itself (rng.rows(data, n))");
        }
    }
}
