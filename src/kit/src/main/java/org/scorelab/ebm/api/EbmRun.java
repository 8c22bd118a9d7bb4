package org.scorelab.ebm.api;

import org.scorelab.course.EndToEnd;

/**
 * Runs the whole {@code ebm} assignment once, each method on its data set of the sheet: the entry point the
 * reference's and the template's {@code EbmAssignment.main} call. The run itself is the kit's
 * ({@code org.scorelab.ebm.sheet.EbmEndToEnd}), found as a service so that this contract package depends neither on
 * the kit's models nor on the diagnostics it uses.
 */
public final class EbmRun {
    private EbmRun() {
    }

    /**
     * Runs {@code solution} with the seed given as the first argument (default 0); a second argument picks tasks, e.g.
     * "2.2" or "1.3,3.2.2" (default: all).
     */
    public static void main(EbmSolution solution, String[] args) {
        EndToEnd.run(EbmSolution.class, solution, args);
    }
}
