package org.scorelab.suites.dsm;

import java.util.Locale;
import java.util.function.LongConsumer;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.suites.support.GradedFailure;

/**
 * Measures how often the statistical checks fail the reference under seeds other than the graded ones: each check
 * runs {@code runs} times with fresh seeds. Every check is designed for a false-failure rate of 1e-7, so any failure
 * here is a finding. Lives in the suites' package to reach their seed-parameterised check bodies.
 *
 * <p>Run: {@code mvn -B -q -pl reference exec:java -Dexec.mainClass=org.scorelab.suites.dsm.Calibration
 * -Dexec.classpathScope=test -Dexec.args="200 20"} (runs of the cheap checks, runs of the two long sampler checks)
 */
public final class Calibration {
    private Calibration() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int longRuns = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.println("| check (task) | runs | failures | seconds |");
        System.out.println("|---|---|---|---|");
        calibrate("1.1 component proportions", runs, seed -> MixtureSamplingTests.checkProportions(MixtureSpec.SHEET,
            MixtureSamplingTests.sampleOf(MixtureSpec.SHEET, 10_000, seed)));
        calibrate("1.1 component means and variances", runs, seed -> MixtureSamplingTests.checkMoments(MixtureSpec.SHEET,
            MixtureSamplingTests.sampleOf(MixtureSpec.SHEET, 10_000, seed)));
        calibrate("3.1 perturbation noise law", runs, NoiseLevelTests::checkPerturbation);
        calibrate("3.3 loss at the exact score", runs, DsmLossTests::checkLossAtTheExactScore);
        calibrate("3.3 random levels and noise", runs, DsmLossTests::checkRandomLevels);
        calibrate("4.1 exact law on a Gaussian target", runs, AnnealedLangevinTests::checkExactLaw);
        calibrate("4.1 mixture from the exact score", longRuns, AnnealedLangevinTests::checkMixtureReproduction);
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
