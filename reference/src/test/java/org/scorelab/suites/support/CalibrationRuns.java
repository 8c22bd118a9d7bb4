package org.scorelab.suites.support;

import java.util.List;
import org.scorelab.suites.dsm.Calibration;
import org.scorelab.suites.ebm.EbmCalibration;

/**
 * Runs one assignment's statistical checks against whatever implementation is first on the class path and prints one
 * tab-separated line per check: the child process of the grader's corpus calibration
 * ({@code org.scorelab.grading.CorpusCalibration}), which puts a corpus case's classes before the reference's.
 *
 * <p>Arguments: {@code dsm|ebm runs longRuns}.
 */
public final class CalibrationRuns {
    private CalibrationRuns() {
    }

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[1]);
        int longRuns = Integer.parseInt(args[2]);
        List<CalibrationTable.Check> checks = switch (args[0]) {
            case "dsm" -> Calibration.checks(runs, longRuns);
            case "ebm" -> EbmCalibration.checks(runs);
            default -> throw new IllegalArgumentException("dsm or ebm, got " + args[0]);
        };
        CalibrationTable.printLines(checks);
        System.exit(0);
    }
}
