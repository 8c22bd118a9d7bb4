package org.scorelab.dsm;

import org.scorelab.dsm.api.DsmRun;

/**
 * Runs the whole assignment once with this module's classes and prints what a report needs (see {@link DsmRun}).
 * Tasks not implemented yet are reported and skipped. Usage: {@code DsmAssignment [seed]}.
 */
public final class DsmAssignment {
    private DsmAssignment() {
    }

    public static void main(String[] args) {
        DsmRun.main(new Solution(), args);
    }
}
