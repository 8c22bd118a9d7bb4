package org.scorelab.grading.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.scorelab.noise.NoiseLevels;

/**
 * One student's choices for the dsm sheet: the noise levels (Task 3.1), the network (3.2), its training (3.3) and the
 * sampler's epsilon, T and start (4.1, 4.2). Ranges and reasons: docs/fairness.md, "The choice space".
 *
 * @param antithetic each drawn point enters twice, perturbed by +sigma z and -sigma z
 * @param average the weights replaced at the end by their exponential moving average (decay 0.99)
 * @param start where the chains of Task 4.2 start: one of {@link #STARTS}
 */
record DsmChoices(double sigma1, double sigmaL, int levels, Network network, Training training, boolean antithetic,
                  boolean average, double epsilon, int steps, String start) {
    static final String UNIFORM = "uniform [0, 1]^2";
    static final List<String> STARTS = List.of(UNIFORM, "uniform [-0.5, 1.5]^2", "N(0, I)", "N((0.5, 0.5), sigma_L^2 I)");
    /** The data set's size in the suites' training checks (and in the sheet). */
    static final int DATA = 10_000;
    /** Estimated seconds of training a draw may take on the loaded course machine (the reference: ~80 s). */
    static final double TRAINING_SECONDS = 120;
    /** Steps of Algorithm 1 in all, L T, a draw may take (the reference: 1,000). */
    static final int SAMPLER_STEPS = 3_000;
    private static final int[] STEP_CHOICES = {50, 75, 100, 150, 200, 300, 500, 1000};

    /**
     * The network: an MLP 3 -> widths -> 1 fed (scaled x, level input) and divided by sigma or not.
     *
     * @param xScale the point enters as (x - 0.5) * xScale; 1 means unscaled x
     * @param levelInput "sigma", "log sigma" or "scaled log sigma" (log sigma mapped from [log sigma_1, log sigma_L] onto [-2, 2])
     * @param handwritten built from Linear layers by hand instead of with Mlp
     */
    record Network(List<Integer> widths, String activation, double xScale, String levelInput, boolean divideBySigma,
                   boolean handwritten) {
        static final List<String> ACTIVATIONS = List.of("ELU", "SILU", "SOFTPLUS", "TANH");
        static final List<String> LEVEL_INPUTS = List.of("sigma", "log sigma", "scaled log sigma");

        /** Hidden units in all: the cost of one point in training (element-wise work, measured, dominates). */
        int units() {
            return widths.stream().mapToInt(Integer::intValue).sum();
        }

        long parameters() {
            long count = 0;
            int in = 3;
            for (int w : widths) {
                count += (long) in * w + w;
                in = w;
            }
            return count + in + 1;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "3-%s-1 %s, %s, %s%s%s", widths.stream().map(String::valueOf).reduce((a, b) -> a + "-" + b).orElse(""),
                activation, xScale == 1 ? "x" : "(x - 0.5) * " + (int) xScale, levelInput, divideBySigma ? ", / sigma" : "",
                handwritten ? ", by hand" : "");
        }
    }

    double[] noiseLevels() {
        return NoiseLevels.geometric(sigma1, sigmaL, levels);
    }

    /** Estimated seconds of training on the loaded course machine: ~7 ms per iteration plus 5e-5 ms per point and unit. */
    static double trainingSeconds(Network network, Training training) {
        return training.iterations() * (7 + 5e-5 * training.points(DATA) * network.units()) / 1000;
    }

    /** Plain choices, from the sheet alone: no input scaling, no division by sigma, no averaging, no antithetic noise. */
    static DsmChoices plain(double sigma1, double sigmaL, int levels, List<Integer> widths, String activation, Training training) {
        double[] s = NoiseLevels.geometric(sigma1, sigmaL, levels);
        double epsilon = Training.round(0.5 * sigma1 * sigma1);
        int steps = firstSettling(s, epsilon);
        return new DsmChoices(sigma1, sigmaL, levels, new Network(widths, activation, 1, "sigma", false, false), training, false, false,
            epsilon, steps, UNIFORM);
    }

    /**
     * A draw. Each group of choices (levels, network, training, sampler) has its own stream split from {@code r}, so
     * narrowing one group's ranges leaves the other groups' draws as they were.
     */
    static DsmChoices draw(SplittableRandom r) {
        SplittableRandom forLevels = r.split();
        SplittableRandom forNetwork = r.split();
        SplittableRandom forTraining = r.split();
        SplittableRandom forSampler = r.split();
        double sigma1 = Training.round(Training.logUniform(forLevels, 0.005, 0.05));
        double sigmaL = Training.round(Training.logUniform(forLevels, 0.5, 3));
        int levels = 5 + forLevels.nextInt(26);
        Network network = network(forNetwork);
        int[] batches = {128, 256, 512, 1000, 0};
        Training training = Training.draw(forTraining, new double[] {3e-4, 3e-3}, new double[] {1e-3, 1e-2},
            500 * (4 + forTraining.nextInt(13)), batches[forTraining.nextInt(batches.length)])
            .forSgdStudent(t -> trainingSeconds(network, t), TRAINING_SECONDS, DATA);
        while (trainingSeconds(network, training) > TRAINING_SECONDS) { // a student who waits about two minutes at most
            training = new Training(training.optimizer(), training.learningRate(), training.decay(), training.iterations() - 500 < 1000
                ? training.iterations() / 2 : training.iterations() - 500, training.batch());
        }
        boolean antithetic = forTraining.nextDouble() < 0.3;
        boolean average = forTraining.nextDouble() < 0.3;
        double[] s = NoiseLevels.geometric(sigma1, sigmaL, levels);
        double epsilon = 0;
        int steps = 0;
        for (int attempt = 0; attempt < 1000 && steps == 0; attempt++) {
            double e = Training.round(Training.logUniform(forSampler, 0.05, 1) * sigma1 * sigma1);
            int t = STEP_CHOICES[forSampler.nextInt(STEP_CHOICES.length)];
            if (levels * t <= SAMPLER_STEPS && LangevinSettling.settles(s, e, t)) {
                epsilon = e;
                steps = t;
            }
        }
        if (steps == 0) {
            epsilon = Training.round(0.5 * sigma1 * sigma1);
            steps = firstSettling(s, epsilon);
        }
        return new DsmChoices(sigma1, sigmaL, levels, network, training, antithetic, average, epsilon, steps,
            STARTS.get(forSampler.nextInt(STARTS.size())));
    }

    private static Network network(SplittableRandom r) {
        int[] widths = {16, 32, 64, 128, 256};
        int width = widths[r.nextInt(widths.length)];
        int depth = 1 + r.nextInt(4);
        boolean taper = r.nextDouble() < 0.3;
        List<Integer> layers = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            layers.add(taper ? Math.max(16, width >> i) : width);
        }
        Network n = network(r, layers);
        while (n.parameters() > 100_000) { // the sheet's "very small and simple network" (and Task 3.2's check)
            layers.remove(layers.size() - 1);
            n = new Network(List.copyOf(layers), n.activation(), n.xScale(), n.levelInput(), n.divideBySigma(), n.handwritten());
        }
        return n;
    }

    private static Network network(SplittableRandom r, List<Integer> layers) {
        double[] scales = {1, 2, 4};
        return new Network(List.copyOf(layers), Network.ACTIVATIONS.get(r.nextInt(4)), scales[r.nextInt(3)],
            Network.LEVEL_INPUTS.get(r.nextInt(3)), r.nextBoolean(), r.nextDouble() < 0.3);
    }

    /** The smallest T of the usual choices with which epsilon settles (the largest if none does). */
    private static int firstSettling(double[] levels, double epsilon) {
        for (int t : STEP_CHOICES) {
            if (LangevinSettling.settles(levels, epsilon, t)) {
                return t;
            }
        }
        return STEP_CHOICES[STEP_CHOICES.length - 1];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "levels %s..%s L=%d; net %s; %s%s%s; eps %.2g T=%d, start %s", Training.shortNumber(sigma1),
            Training.shortNumber(sigmaL), levels, network, training, antithetic ? ", antithetic" : "", average ? ", EMA" : "",
            epsilon, steps, start);
    }
}
