package org.scorelab.grading.index;

/** Where a student of the class stands after grading, as the summary and the index say it. */
public enum Standing {
    /** A report of the plan, with at least one assignment submitted. */
    GRADED("graded"),
    /** Nothing uploaded, or an upload with none of the task files (an empty zip, a folder of other files): no grade. */
    NO_SUBMISSION("no submission"),
    /** The grader failed on the upload: no grade until it is graded again. */
    GRADER_ERROR("grader-error"),
    /** An upload without a report of the plan (not graded yet, or graded with another plan): in not-graded.csv. */
    NOT_GRADED("not graded");

    private final String label;

    Standing(String label) {
        this.label = label;
    }

    /** "no submission", as the summary, the index and the console print it. */
    public String label() {
        return label;
    }
}
