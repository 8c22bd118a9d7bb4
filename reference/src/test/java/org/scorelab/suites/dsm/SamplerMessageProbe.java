package org.scorelab.suites.dsm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.scorelab.autograd.Precision;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;

/**
 * Issue 16, item 4: the first message Task 1.1's sample checks give each kind of wrong sampler, in the order the
 * grader runs them (means and variances, then proportions), and that a right sampler passes.
 *
 * <pre>
 * mvn -B -q -pl reference exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.scorelab.suites.dsm.SamplerMessageProbe
 * </pre>
 */
public final class SamplerMessageProbe {
    private SamplerMessageProbe() {
    }

    /** A sampler: draws point i of component k given a standard normal pair. */
    @FunctionalInterface
    interface Sampler {
        double[] sample(MixtureSpec spec, int n, Rng rng);
    }

    public static void main(String[] args) {
        Precision.useDouble();
        Map<String, Sampler> samplers = new LinkedHashMap<>();
        samplers.put("right", (spec, n, rng) -> draw(spec, n, rng, 1, 1, false, false, -1));
        samplers.put("means 4 times too large", (spec, n, rng) -> draw(spec, n, rng, 4, 1, false, false, -1));
        samplers.put("last component never drawn", (spec, n, rng) -> draw(spec, n, rng, 1, 1, false, true, -1));
        samplers.put("heavy tails (mu + sd / z)", (spec, n, rng) -> draw(spec, n, rng, 1, 1, true, false, -1));
        samplers.put("standard deviation 2 times too large", (spec, n, rng) -> draw(spec, n, rng, 1, 2, false, false, -1));
        samplers.put("standard deviation 4 times too large", (spec, n, rng) -> draw(spec, n, rng, 1, 4, false, false, -1));
        samplers.put("variance for the standard deviation", (spec, n, rng) -> draw(spec, n, rng, 1, -1, false, false, -1));
        samplers.put("every point from component 1", (spec, n, rng) -> draw(spec, n, rng, 1, 1, false, false, 0));
        for (MixtureSpec spec : new MixtureSpec[] {MixtureSpec.SHEET, HiddenMixtureProbe.OTHER}) {
            for (Map.Entry<String, Sampler> s : samplers.entrySet()) {
                double[] xy = s.getValue().sample(spec, 10_000, new Rng(13));
                String first = "passes";
                try {
                    MixtureSampleChecks.checkMoments(spec, xy);
                    MixtureSampleChecks.checkProportions(spec, xy);
                } catch (AssertionError e) {
                    first = e.getMessage().replace("\n", " |");
                }
                System.out.println((spec == MixtureSpec.SHEET ? "sheet" : "other") + ", " + s.getKey() + ": " + first);
            }
        }
    }

    /** The hidden suites' other mixture (their class is not on this module's test class path at compile time). */
    static final class HiddenMixtureProbe {
        static final MixtureSpec OTHER = new MixtureSpec(new double[][] {{0.0, 0.0}, {1.0, 0.5}, {-0.5, 1.0}},
            new double[] {0.02, 0.005, 0.01}, new double[] {0.5, 0.3, 0.2});
    }

    /**
     * Components at random with the weights (or only {@code only}, or never the last), x = scale mu_k + sd z with
     * sd = spread sqrt(v_k) (spread -1: sd = v_k), or mu_k + sd / z for heavy tails.
     */
    private static double[] draw(MixtureSpec spec, int n, Rng rng, double scale, double spread, boolean heavy, boolean noLast,
                                 int only) {
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int k = only;
            if (k < 0) {
                double u = rng.nextDouble() * (noLast ? 1 - spec.weight(spec.components() - 1) : 1);
                k = 0;
                double c = spec.weight(0);
                while (u >= c && k < spec.components() - 1) {
                    c += spec.weight(++k);
                }
            }
            double sd = spread < 0 ? spec.variance(k) : spread * Math.sqrt(spec.variance(k));
            for (int a = 0; a < 2; a++) {
                double z = rng.nextGaussian();
                xy[2 * i + a] = scale * spec.mean(k)[a] + (heavy ? sd / z : sd * z);
            }
        }
        return xy;
    }
}
