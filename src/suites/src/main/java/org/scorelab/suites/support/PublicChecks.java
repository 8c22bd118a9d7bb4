package org.scorelab.suites.support;

/**
 * Public checks run again as the diagnosis of a failed hidden check (issue 16: a hidden training check says what it
 * saw, not a guess): if the task's loss or its loop's inputs fail their public check, the hidden message says so.
 */
public final class PublicChecks {
    private PublicChecks() {
    }

    /**
     * @param checks public checks of the task, most basic first; each throws a {@link GradedFailure} when it fails
     * @return " The public check of ... fails too: fix that first." for the first that fails, or "" if all pass (a check
     *     that cannot run, e.g. not implemented, counts as passing here: its own failure is reported where it belongs)
     */
    public static String firstFailing(Runnable... checks) {
        for (Runnable check : checks) {
            try {
                check.run();
            } catch (GradedFailure f) {
                return " The public check of " + f.check() + " fails too: fix that first.";
            } catch (RuntimeException | AssertionError e) {
                // not a verdict of the check
            }
        }
        return "";
    }
}
