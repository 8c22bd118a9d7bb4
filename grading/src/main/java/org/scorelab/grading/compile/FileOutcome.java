package org.scorelab.grading.compile;

/**
 * What became of one template file in a submission.
 *
 * @param path the template's path of the file
 * @param source where the compiled version came from
 * @param message the compiler's (or the static check's) message when the student's file was set aside; for a missing
 *     file, "its tasks score zero" when the template's file has tasks; else empty
 */
public record FileOutcome(String path, Source source, String message) {
    /** True when the student's file was set aside (did not compile, or refused) and the template's graded instead. */
    public boolean setAside() {
        return source == Source.DID_NOT_COMPILE || source == Source.REFUSED;
    }

    /** Where a compiled file came from. */
    public enum Source {
        /** The student's file, compiled. */
        SUBMITTED,
        /** Not in the upload: the template's file (its tasks throw "not implemented"). */
        MISSING,
        /** The student's file did not compile: the template's file was used. */
        DID_NOT_COMPILE,
        /** The student's file compiled but was refused by the static check: the template's file was used. */
        REFUSED
    }
}
