package org.scorelab.suites.ebm;

import java.util.Locale;
import java.util.function.LongConsumer;
import org.scorelab.suites.support.GradedFailure;

/**
 * Measures how often the ebm suites' statistical checks fail the reference under seeds other than the graded ones.
 * Every check is designed for a false-failure rate of 1e-7, so any failure here is a finding. Lives in the suites'
 * package to reach their seed-parameterised check bodies.
 *
 * <p>Run: {@code mvn -B -q -pl reference exec:java -Dexec.mainClass=org.scorelab.suites.ebm.EbmCalibration
 * -Dexec.classpathScope=test -Dexec.args=200}
 */
public final class EbmCalibration {
    private EbmCalibration() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.println("| check (task) | runs | failures | seconds |");
        System.out.println("|---|---|---|---|");
        calibrate("1.3 short Langevin chain, exact law", runs, seed -> LangevinTests.checkExactLaw(0.1, 10, seed));
        calibrate("1.3 long Langevin chain, exact law", runs, seed -> LangevinTests.checkExactLaw(0.4, 150, seed));
        calibrate("1.3 ML gradient, model = data", runs, seed -> MaximumLikelihoodTests.checkGradientAgainstGaussianData(0.0, seed));
        calibrate("1.3 ML gradient, shifted data", runs, seed -> MaximumLikelihoodTests.checkGradientAgainstGaussianData(0.3, seed));
        calibrate("2.2 NCE at the true normaliser", runs, NoiseContrastiveTests::checkAtTheTrueNormaliser);
        calibrate("3.2.2 DSM loss at the exact score", runs, DenoisingScoreMatchingTests::checkLossAtTheExactScore);
    }

    private static void calibrate(String name, int runs, LongConsumer check) {
        int failures = 0;
        String first = null;
        long t = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            try {
                check.accept(1_000_003L * (i + 1));
            } catch (GradedFailure e) {
                failures++;
                first = first == null ? e.getMessage().replace('\n', ' ') : first;
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f |%n", name, runs, failures, (System.nanoTime() - t) / 1e9);
        if (first != null) {
            System.out.println("  first failure: " + first);
        }
    }
}
