package org.scorelab.suites.ebm;

import java.util.List;
import org.scorelab.suites.support.CalibrationTable;

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
        CalibrationTable.print(checks(args.length > 0 ? Integer.parseInt(args[0]) : 200));
    }

    /** The ebm suites' statistical checks, {@code runs} runs each. */
    public static List<CalibrationTable.Check> checks(int runs) {
        return List.of(
            new CalibrationTable.Check("1.3 short Langevin chain, exact law", runs, seed -> LangevinTests.checkExactLaw(0.1, 10, seed)),
            new CalibrationTable.Check("1.3 long Langevin chain, exact law", runs, seed -> LangevinTests.checkExactLaw(0.4, 150, seed)),
            new CalibrationTable.Check("1.3 ML gradient, model = data", runs,
                seed -> MaximumLikelihoodTests.checkGradientAgainstGaussianData(0.0, seed)),
            new CalibrationTable.Check("1.3 ML gradient, shifted data", runs,
                seed -> MaximumLikelihoodTests.checkGradientAgainstGaussianData(0.3, seed)),
            new CalibrationTable.Check("2.2 NCE at the true normaliser", runs, NoiseContrastiveTests::checkAtTheTrueNormaliser),
            new CalibrationTable.Check("3.2.2 DSM loss at the exact score", runs, DenoisingScoreMatchingTests::checkLossAtTheExactScore));
    }
}
