package org.scorelab.course;

import java.util.Optional;
import org.scorelab.figures.Page;

/**
 * The picture a grading report shows of what a submission did, drawn from the numbers an assignment's hidden checks
 * left as artifacts beside the submission. Registered as a {@link java.util.ServiceLoader} service by the module
 * that writes those numbers, and found through {@link AssignmentDescriptor#reportFigure()}.
 */
public interface ReportFigure {
    /** The assignment it belongs to, an {@link AssignmentDescriptor#name()}. */
    String assignment();

    /** The page, or empty if the artifacts it needs are missing or do not fit. */
    Optional<Page> draw(Artifacts artifacts);

    /** The artifacts of one grading, already read as untrusted input: size-capped, every value a parsed number. */
    @FunctionalInterface
    interface Artifacts {
        /** The artifact file {@code name}, if it has exactly {@code columns} numbers on every row. */
        Optional<Table> table(String name, int columns);
    }

    /**
     * An artifact: its comment line and its rows.
     *
     * @param comment the first line's text after "# ", or "" if it has none
     * @param rows the numbers, one array per line
     */
    record Table(String comment, double[][] rows) {
    }
}
