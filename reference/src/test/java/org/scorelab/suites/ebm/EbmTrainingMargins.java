package org.scorelab.suites.ebm;

import java.util.Locale;
import java.util.function.Supplier;
import org.scorelab.suites.support.Solutions;

/**
 * Prints, for the implementation on the class path, each hidden training check's margin over the fitted Gaussian and
 * its time: the figures behind the false-failure rates in {@link TrainedModelQuality}'s Javadoc.
 *
 * <p>Run: {@code mvn -B -q -pl reference exec:java -Dexec.mainClass=org.scorelab.suites.ebm.EbmTrainingMargins
 * -Dexec.classpathScope=test}
 */
public final class EbmTrainingMargins {
    private EbmTrainingMargins() {
    }

    public static void main(String[] args) {
        measure("1.3 maximum likelihood, held-out log-likelihood (nats/point)", EbmTrainingTests::checkMaximumLikelihood);
        measure("2.2 NCE, held-out log-likelihood (nats/point)", EbmTrainingTests::checkNoiseContrastive);
        measure("3.1.1 ISM, held-out Hyvarinen objective", () -> EbmTrainingTests.checkScoreMatching("3.1.1", "ISM",
            (model, data, rng) -> Solutions.ebm().implicitScoreMatching().train(model, data, rng), 621));
        measure("3.2.2 DSM, held-out denoising objective", () -> EbmTrainingTests.checkScoreMatching("3.2.2", "DSM",
            (model, data, rng) -> Solutions.ebm().denoisingScoreMatching().train(model, data, rng), 631));
    }

    private static void measure(String name, Supplier<Object> check) {
        long t = System.nanoTime();
        Object margin = check.get();
        System.out.printf(Locale.ROOT, "| %s | %s | %.0f s |%n", name, margin, (System.nanoTime() - t) / 1e9);
    }
}
