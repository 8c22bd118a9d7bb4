package org.scorelab.dsm.api;

import org.scorelab.course.EndToEnd;

/**
 * Runs the whole assignment once and prints what a report needs: the entry point the reference's and the template's
 * {@code DsmAssignment.main} call. The run itself is the kit's ({@code org.scorelab.dsm.sheet.DsmEndToEnd}), found as
 * a service so that this contract package does not depend on the diagnostics it uses.
 */
public final class DsmRun {
    private DsmRun() {
    }

    /** Runs {@code solution} with the seed given as the first argument (default 0). */
    public static void main(DsmSolution solution, String[] args) {
        EndToEnd.run(DsmSolution.class, solution, args);
    }
}
