package org.scorelab.suites.dsm;

import org.scorelab.dsm.api.MixtureSpec;
import java.util.List;
import org.scorelab.suites.support.CalibrationTable;

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
        CalibrationTable.print(checks(args.length > 0 ? Integer.parseInt(args[0]) : 200, args.length > 1 ? Integer.parseInt(args[1]) : 20));
    }

    /** The dsm suites' statistical checks: {@code runs} runs of the cheap ones, {@code longRuns} of the long sampler check. */
    public static List<CalibrationTable.Check> checks(int runs, int longRuns) {
        return List.of(
            new CalibrationTable.Check("1.1 component proportions", runs, seed -> MixtureSampleChecks.checkProportions(MixtureSpec.SHEET,
                MixtureSamplingTests.sampleOf(MixtureSpec.SHEET, 10_000, seed))),
            new CalibrationTable.Check("1.1 component means and variances", runs, seed -> MixtureSampleChecks.checkMoments(MixtureSpec.SHEET,
                MixtureSamplingTests.sampleOf(MixtureSpec.SHEET, 10_000, seed))),
            new CalibrationTable.Check("3.1 perturbation noise law", runs, NoiseLevelTests::checkPerturbation),
            new CalibrationTable.Check("3.3 loss at the exact score", runs, DsmLossTests::checkLossAtTheExactScore),
            new CalibrationTable.Check("3.3 random levels and noise", runs, DsmLossTests::checkRandomLevels),
            new CalibrationTable.Check("4.1 exact law on a Gaussian target", runs, AnnealedLangevinTests::checkExactLaw),
            new CalibrationTable.Check("4.1 mixture from the exact score", longRuns, AnnealedLangevinTests::checkMixtureReproduction));
    }
}
