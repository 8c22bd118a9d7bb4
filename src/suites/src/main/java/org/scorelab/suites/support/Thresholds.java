package org.scorelab.suites.support;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Acceptance thresholds of statistical checks, from the sampling distribution of the statistic under a correct
 * implementation, for a chosen false-failure rate (the probability that a correct solution fails the check).
 */
public final class Thresholds {
    /** The false-failure rate of every statistical assertion of the suites, below the 1e-6 the course asks for. */
    public static final double FALSE_FAILURE_RATE = 1e-7;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Thresholds() {
    }

    /** z such that P(|Z| > z) = rate for a standard normal Z: 5.33 at 1e-7. */
    public static double twoSidedZ(double rate) {
        return STANDARD_NORMAL.inverseSurvivalProbability(rate / 2);
    }

    /** z such that P(Z > z) = rate: 5.20 at 1e-7. */
    public static double oneSidedZ(double rate) {
        return STANDARD_NORMAL.inverseSurvivalProbability(rate);
    }

    /** t such that P(T > t) = rate for Student's t with {@code df} degrees of freedom: 5.59 at 99 and 1e-7. */
    public static double oneSidedT(int df, double rate) {
        return TDistribution.of(df).inverseSurvivalProbability(rate);
    }

    /** The interval [lo, hi] of a chi-squared variable with {@code df} degrees of freedom that holds it with probability 1 - rate. */
    public static double[] chiSquaredInterval(int df, double rate) {
        ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(df);
        return new double[] {chi2.inverseCumulativeProbability(rate / 2), chi2.inverseSurvivalProbability(rate / 2)};
    }

    /** The upper 1 - rate quantile of a chi-squared variable with {@code df} degrees of freedom. */
    public static double chiSquaredUpper(int df, double rate) {
        return ChiSquaredDistribution.of(df).inverseSurvivalProbability(rate);
    }
}
