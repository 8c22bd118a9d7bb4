package org.scorelab.suites.dsm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact law of annealed Langevin sampling (Algorithm 1) on a Gaussian target, and of its common wrong variants.
 *
 * <p>For the score s(x, sigma) = -(x - m) / (v + sigma^2) one step x <- x + (alpha/2) s + sqrt(alpha) z is linear with
 * Gaussian noise, so from a fixed start every coordinate stays Gaussian, with mean and variance following
 * mean <- m + rho (mean - m), var <- rho^2 var + alpha, rho = 1 - alpha / (2 (v + sigma^2)).
 */
final class LangevinLaw {
    /** Mean (per coordinate, relative to the target mean m) and variance after the run. */
    record Moments(double offset, double variance) {
    }

    private enum Variant { RIGHT, NO_HALF, NOISE_ALPHA, SIGMA_L_DENOMINATOR, WRONG_ORDER, FIXED_STEP, NOISE_ONCE, NOISE_ONCE_PER_LEVEL }

    private final double v;
    private final double[] levels;
    private final double epsilon;
    private final int steps;

    LangevinLaw(double v, double[] levels, double epsilon, int steps) {
        this.v = v;
        this.levels = levels.clone();
        this.epsilon = epsilon;
        this.steps = steps;
    }

    Moments right(double startOffset) {
        return run(Variant.RIGHT, startOffset);
    }

    /** What each known mistake would give, by the likely mistake's description. */
    Map<String, Moments> mistakes(double startOffset) {
        Map<String, Moments> out = new LinkedHashMap<>();
        out.put("the drift lacks the 1/2: the step is x + (alpha_i / 2) s(x, sigma_i) + sqrt(alpha_i) z", run(Variant.NO_HALF, startOffset));
        out.put("the noise is scaled by alpha_i; it should be sqrt(alpha_i)", run(Variant.NOISE_ALPHA, startOffset));
        out.put("alpha_i divides by sigma_L^2; Algorithm 1 divides by sigma_1^2, the SMALLEST level",
            run(Variant.SIGMA_L_DENOMINATOR, startOffset));
        out.put("the levels run from smallest to largest; anneal from sigma_L down to sigma_1", run(Variant.WRONG_ORDER, startOffset));
        out.put("the step does not shrink with the level: alpha_i = epsilon sigma_i^2 / sigma_1^2", run(Variant.FIXED_STEP, startOffset));
        out.put("one noise draw is reused for every step; draw fresh z at every step", run(Variant.NOISE_ONCE, startOffset));
        out.put("one noise draw per level is reused for its T steps; draw fresh z at every step",
            run(Variant.NOISE_ONCE_PER_LEVEL, startOffset));
        return out;
    }

    private Moments run(Variant variant, double startOffset) {
        double mean = startOffset;
        double var = 0;
        double noiseCoefficient = 0;
        int count = levels.length;
        for (int step = 0; step < count; step++) {
            int i = variant == Variant.WRONG_ORDER ? step : count - 1 - step;
            double sigma = levels[i];
            double reference = variant == Variant.SIGMA_L_DENOMINATOR ? levels[count - 1] : levels[0];
            double alpha = variant == Variant.FIXED_STEP ? epsilon : epsilon * sigma * sigma / (reference * reference);
            double target = v + sigma * sigma;
            double rho = 1 - (variant == Variant.NO_HALF ? alpha : alpha / 2) / target;
            double noise = variant == Variant.NOISE_ALPHA ? alpha * alpha : alpha;
            if (variant == Variant.NOISE_ONCE_PER_LEVEL) {
                double c = 0;
                for (int t = 0; t < steps; t++) {
                    c = rho * c + Math.sqrt(alpha);
                }
                var = Math.pow(rho, 2 * steps) * var + c * c;
                mean *= Math.pow(rho, steps);
                continue;
            }
            for (int t = 0; t < steps; t++) {
                mean *= rho;
                if (variant == Variant.NOISE_ONCE) {
                    noiseCoefficient = rho * noiseCoefficient + Math.sqrt(alpha);
                } else {
                    var = rho * rho * var + noise;
                }
            }
        }
        return new Moments(mean, variant == Variant.NOISE_ONCE ? noiseCoefficient * noiseCoefficient : var);
    }
}
