package org.scorelab.suites.support;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a training loop's loss history shows, as a clause for a failed quality check's message. Not a check of its
 * own: a correct loop may do most of its work in its first 5% of iterations, after which the loss hovers within its
 * noise, so only a check that already failed consults it, to say what the loop did.
 *
 * <p>The loss fell when the mean of the first 5% of iterations (at least 10) minus that of the last 10% (at least 10)
 * exceeds z standard errors of the difference (normal approximation), z one-sided at
 * {@link Thresholds#FALSE_FAILURE_RATE} (5.20).
 */
public final class LossTrend {
    private LossTrend() {
    }

    /**
     * @param history the loss per iteration
     * @param ifFell  the advice when the loss fell (the loop learns, too little)
     * @param ifFlat  the advice when it did not
     * @return "its loss fell (figures): ifFell" or "its loss did not fall (figures): ifFlat"; empty for fewer than 20
     *     iterations or none
     */
    public static String of(double[] history, String ifFell, String ifFlat) {
        if (history == null || history.length < 20) {
            return "";
        }
        double[] first = Arrays.copyOfRange(history, 0, Math.max(10, history.length / 20));
        double[] last = Arrays.copyOfRange(history, history.length - Math.max(10, history.length / 10), history.length);
        double drop = SampleMoments.mean(first) - SampleMoments.mean(last);
        double z = drop / Math.hypot(SampleMoments.standardError(first), SampleMoments.standardError(last));
        String figures = String.format(Locale.ROOT, " (the first 5%% of iterations minus the last 10%%: %s, %.1f standard errors)",
            Feedback.number(drop), z);
        return z > Thresholds.oneSidedZ(Thresholds.FALSE_FAILURE_RATE)
            ? "its loss fell" + figures + ": " + ifFell
            : "its loss did not fall" + figures + ": " + ifFlat;
    }
}
