package org.scorelab.diagnostics;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.MixtureSpec;

/**
 * Samples of a 2D mixture summarised per mode: each point is assigned to the nearest component mean, then the
 * fraction of points, their mean and their standard deviation (the average of the two coordinates' sample standard
 * deviations) are reported per mode. The nearest-mean rule misassigns a few points of overlapping components, so
 * these are summaries for reports, not unbiased estimators.
 *
 * @param fractions fraction of points nearest to each mean
 * @param means per-mode sample means, [K][2]
 * @param stds per-mode standard deviation (mean of the two coordinates')
 */
public record ModeStatistics(double[] fractions, double[][] means, double[] stds) {

    /** Summarises {@code samples} (shape [n, 2]) against the means of {@code spec}. */
    public static ModeStatistics of(INDArray samples, MixtureSpec spec) {
        double[] xy = samples.dup('c').data().asDouble();
        int n = xy.length / 2;
        int k = spec.components();
        double[][] mu = spec.means();
        double[] count = new double[k];
        double[][] sum = new double[k][2];
        double[][] sumSq = new double[k][2];
        for (int i = 0; i < n; i++) {
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double d = (x - mu[c][0]) * (x - mu[c][0]) + (y - mu[c][1]) * (y - mu[c][1]);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            count[best]++;
            sum[best][0] += x;
            sum[best][1] += y;
            sumSq[best][0] += x * x;
            sumSq[best][1] += y * y;
        }
        double[] fractions = new double[k];
        double[][] means = new double[k][2];
        double[] stds = new double[k];
        for (int c = 0; c < k; c++) {
            fractions[c] = count[c] / n;
            double sd = 0;
            for (int a = 0; a < 2; a++) {
                means[c][a] = count[c] > 0 ? sum[c][a] / count[c] : Double.NaN;
                double var = count[c] > 1 ? (sumSq[c][a] - count[c] * means[c][a] * means[c][a]) / (count[c] - 1) : Double.NaN;
                sd += Math.sqrt(Math.max(var, 0)) / 2;
            }
            stds[c] = sd;
        }
        return new ModeStatistics(fractions, means, stds);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < fractions.length; c++) {
            s.append(String.format(Locale.ROOT, "%smode %d: fraction %.3f, mean (%.3f, %.3f), std %.4f",
                c == 0 ? "" : "; ", c + 1, fractions[c], means[c][0], means[c][1], stds[c]));
        }
        return s.toString();
    }
}
