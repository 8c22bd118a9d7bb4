package org.scorelab.suites.support;

import org.scorelab.dsm.api.DsmSolution;
import org.scorelab.ebm.api.EbmSolution;

/** The implementations under test, loaded once per JVM from the class path. */
public final class Solutions {
    private static DsmSolution dsm;
    private static EbmSolution ebm;

    private Solutions() {
    }

    /** The {@code dsm} implementation on the class path (the student's, or the reference's). */
    public static synchronized DsmSolution dsm() {
        if (dsm == null) {
            dsm = DsmSolution.load();
        }
        return dsm;
    }

    /** The {@code ebm} implementation on the class path (the student's, or the reference's). */
    public static synchronized EbmSolution ebm() {
        if (ebm == null) {
            ebm = EbmSolution.load();
        }
        return ebm;
    }
}
