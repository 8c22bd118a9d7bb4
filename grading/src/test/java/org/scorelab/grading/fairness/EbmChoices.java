package org.scorelab.grading.fairness;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One student's choices for the ebm sheet. The networks are the kit's (MlpEnergy, MlpScore: the suites build them),
 * the sampler's step size and length are arguments: a submission chooses only how each method trains.
 *
 * @param ml maximum likelihood (Task 1.3)
 * @param mlSteps Langevin steps per iteration
 * @param mlStepSize Langevin's tau
 * @param persistent persistent chains (a replay buffer of 10,000, 5% restarted) or fresh chains from the start each
 *     iteration
 * @param mlStart where chains start: one of {@link #ML_STARTS}
 * @param regularisation the weight of the mean squared energy of both batches added to the loss (0: none)
 * @param nceNoise "fitted" (the Gaussian fitted to the data, its standard deviations times {@code nceWidth}) or
 *     "isotropic" (N(0, nceWidth^2 I))
 * @param dsmSigma the noise level of denoising score matching (Task 3.2.2)
 */
record EbmChoices(Training ml, int mlSteps, double mlStepSize, boolean persistent, String mlStart, double regularisation,
                  Training nce, String nceNoise, double nceWidth, Training ism, double dsmSigma, Training dsm) {
    static final List<String> ML_STARTS = List.of("fitted Gaussian", "fitted Gaussian x1.5", "fitted Gaussian x2", "N(0, I)",
        "uniform [-3, 3]^2");
    /** Estimated seconds of training a method may take on the loaded course machine (the reference: ~100 s for 1.3). */
    static final double TRAINING_SECONDS = 120;

    /** The plain choices, from the sheet alone. */
    static EbmChoices plain(int variant) {
        return variant == 0
            ? new EbmChoices(Training.plain(1500, 128), 40, 0.01, false, "N(0, I)", 0, Training.plain(3000, 256), "fitted", 1,
                Training.plain(3000, 256), 0.1, Training.plain(3000, 256))
            : new EbmChoices(Training.plain(2000, 128), 20, 0.005, true, "N(0, I)", 0, Training.plain(2000, 0), "isotropic", 3,
                Training.plain(2000, 0), 0.2, Training.plain(2000, 0));
    }

    /** Estimated seconds of one maximum likelihood iteration's share: ~10 ms plus ~1.2 ms per Langevin step. */
    static double mlSeconds(Training ml, int steps) {
        return ml.iterations() * (10 + 1.2 * steps * Math.max(1, ml.points(10_000) / 256.0)) / 1000;
    }

    /** Estimated seconds of an NCE or score-matching run: ~8 ms plus 5e-3 ms per point per iteration. */
    static double seconds(Training t) {
        return t.iterations() * (8 + 5e-3 * t.points(10_000)) / 1000;
    }

    /** A draw; each method's choices have their own stream split from {@code r} (see {@link DsmChoices#draw}). */
    static EbmChoices draw(SplittableRandom r) {
        SplittableRandom forMl = r.split();
        SplittableRandom forNce = r.split();
        SplittableRandom forIsm = r.split();
        SplittableRandom forDsm = r.split();
        boolean persistent = forMl.nextBoolean();
        int steps = persistent ? 5 + forMl.nextInt(36) : 40 + forMl.nextInt(61);
        double tau = Training.round(persistent ? Training.logUniform(forMl, 2e-3, 1e-2) : Training.logUniform(forMl, 5e-3, 2e-2));
        int[] mlBatches = {64, 128, 256};
        Training ml = Training.draw(forMl, new double[] {3e-4, 3e-3}, new double[] {1e-3, 1e-2}, 250 * (4 + forMl.nextInt(9)),
            mlBatches[forMl.nextInt(3)]);
        while (mlSeconds(ml, steps) > TRAINING_SECONDS) {
            ml = new Training(ml.optimizer(), ml.learningRate(), ml.decay(), ml.iterations() - 250, ml.batch());
        }
        String start = ML_STARTS.get(forMl.nextInt(ML_STARTS.size()));
        double[] regularisations = {0, 0.001, 0.01};
        double regularisation = regularisations[forMl.nextInt(3)];
        Training nce = method(forNce, new double[] {5e-4, 5e-3}, new double[] {5e-3, 3e-2});
        boolean fitted = forNce.nextDouble() < 0.6;
        double[] fittedWidths = {1, 1.25, 1.5, 2};
        double[] isotropicWidths = {2, 2.5, 3};
        double width = fitted ? fittedWidths[forNce.nextInt(4)] : isotropicWidths[forNce.nextInt(3)];
        Training ism = method(forIsm, new double[] {3e-4, 5e-3}, new double[] {1e-3, 1e-2});
        double sigma = Training.round(Training.logUniform(forDsm, 0.05, 0.5));
        Training dsm = method(forDsm, new double[] {3e-4, 5e-3}, new double[] {1e-3, 1e-2});
        return new EbmChoices(ml, steps, tau, persistent, start, regularisation, nce, fitted ? "fitted" : "isotropic", width, ism,
            sigma, dsm);
    }

    private static Training method(SplittableRandom r, double[] adam, double[] sgd) {
        int[] batches = {128, 256, 512, 1024, 0};
        Training t = Training.draw(r, adam, sgd, 500 * (2 + r.nextInt(9)), batches[r.nextInt(batches.length)])
            .forSgdStudent(EbmChoices::seconds, TRAINING_SECONDS, 10_000);
        while (seconds(t) > TRAINING_SECONDS) {
            t = new Training(t.optimizer(), t.learningRate(), t.decay(), t.iterations() - 500, t.batch());
        }
        return t;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ML %s, %d x tau %s, %s from %s%s; NCE %s, q %s %s; ISM %s; DSM sigma %s, %s", ml, mlSteps,
            Training.shortNumber(mlStepSize), persistent ? "persistent" : "fresh chains", mlStart,
            regularisation > 0 ? ", reg " + regularisation : "", nce, nceNoise, Training.shortNumber(nceWidth), ism,
            Training.shortNumber(dsmSigma), dsm);
    }
}
