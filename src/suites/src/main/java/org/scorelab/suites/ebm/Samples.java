package org.scorelab.suites.ebm;

/** Points of row-major sample arrays (means and standard errors: {@link org.scorelab.suites.support.SampleMoments}). */
final class Samples {
    private Samples() {
    }

    /** Row i of a row-major [n, 2] array as (x, y). */
    static double[] point(double[] xy, int i) {
        return new double[] {xy[2 * i], xy[2 * i + 1]};
    }
}
