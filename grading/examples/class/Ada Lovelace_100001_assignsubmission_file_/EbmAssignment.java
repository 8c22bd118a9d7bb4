package org.scorelab.ebm;

import org.scorelab.ebm.api.EbmRun;

/** Runs the whole ebm assignment: {@code mvn -q -pl reference exec:java -Dexec.mainClass=org.scorelab.ebm.EbmAssignment}. */
public final class EbmAssignment {
    private EbmAssignment() {
    }

    public static void main(String[] args) {
        EbmRun.main(new Solution(), args);
    }
}
