package org.scorelab.suites.support;

import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Does an exact directional derivative agree with central differences, at most probe points? For checks of a
 * student's network, whose activation may be only piecewise twice differentiable (ELU: its second derivative jumps
 * at 0).
 *
 * <p>At each probe point the exact value is compared with central differences at several steps, largest first; the
 * point agrees when the values agree at one of the steps, within {@code tolerance (1 + |difference|)}. A central
 * difference of a function that is smooth along the segment [x - h v, x + h v] has a truncation error O(h^2) and a
 * rounding error O(eps / h), both far below the tolerance at the steps used. Across a kink (a unit's pre-activation
 * crossing 0 within the step) it is an average of two one-sided derivatives and can be off by the jump. That happens
 * only when the kink lies within the step, which for a unit whose pre-activation z moves at speed |dz/dt| along the
 * probe direction has probability at most 2 h |dz/dt| rho (rho the density of z at 0); over probe points drawn at
 * random this is bounded by 2 h (length of the unit's kink curve in the probe box) / (area of the box), independent of
 * how the student scales the inputs. The smallest step bounds the probability p that a point disagrees at every step;
 * the check asks for agreement at {@code required} of the points, so a correct network fails only when more than
 * {@code points - required} points each have a kink within the smallest step (docs/fairness.md gives the figures). A
 * wrong exact derivative disagrees at every step, at almost every point.
 */
public final class DifferenceAgreement {
    /** The outcome: how many points agree, and the worst disagreeing point (for the message). */
    public record Outcome(int agreeing, int points, int worstPoint, double expected, double found, double bound) {
        /** The worst disagreement as "at point i: expected d +- b (central difference), found e". */
        public String worst(String pointName) {
            if (worstPoint < 0) {
                return "";
            }
            return String.format(Locale.ROOT, "; at %s: central difference %s +- %s, exact %s", pointName,
                Feedback.number(expected), Feedback.number(bound), Feedback.number(found));
        }
    }

    private DifferenceAgreement() {
    }

    /**
     * @param exact the exact directional derivatives, {@code points} rows of {@code perPoint} values, row-major
     * @param centralDifference the central differences at step h, same layout as {@code exact}
     * @param steps the steps to try at each point, largest first
     * @param tolerance relative tolerance: |exact - difference| <= tolerance (1 + |difference|)
     */
    public static Outcome compare(double[] exact, int perPoint, DoubleFunction<double[]> centralDifference, double[] steps,
                                  double tolerance) {
        int points = exact.length / perPoint;
        boolean[] agrees = new boolean[points];
        // Per point, the closest of its attempts (smallest ratio of error to bound) and its values.
        double[] bestRatio = new double[points];
        double[][] bestValues = new double[points][];
        java.util.Arrays.fill(bestRatio, Double.POSITIVE_INFINITY);
        for (double h : steps) {
            double[] numeric = centralDifference.apply(h);
            for (int i = 0; i < points; i++) {
                if (agrees[i]) {
                    continue;
                }
                double ratio = 0;
                double[] values = null;
                for (int k = 0; k < perPoint; k++) {
                    double n = numeric[i * perPoint + k];
                    double e = exact[i * perPoint + k];
                    double bound = tolerance * (1 + Math.abs(n));
                    double r = Math.abs(e - n) / bound;
                    if (!(r <= ratio)) { // also takes a NaN
                        ratio = Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
                        values = new double[] {n, e, bound};
                    }
                }
                if (ratio <= 1) {
                    agrees[i] = true;
                } else if (ratio < bestRatio[i] || bestValues[i] == null) {
                    bestRatio[i] = ratio;
                    bestValues[i] = values;
                }
            }
        }
        int agreeing = 0;
        int worst = -1;
        for (int i = 0; i < points; i++) {
            if (agrees[i]) {
                agreeing++;
            } else if (worst < 0 || bestRatio[i] > bestRatio[worst]) {
                worst = i;
            }
        }
        return worst < 0 ? new Outcome(agreeing, points, -1, 0, 0, 0)
            : new Outcome(agreeing, points, worst, bestValues[worst][0], bestValues[worst][1], bestValues[worst][2]);
    }
}
