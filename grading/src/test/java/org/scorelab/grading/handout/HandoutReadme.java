package org.scorelab.grading.handout;

import java.util.List;

/** The student handout's README as the grader writes it, for tests outside this package (DocCommandsTests). */
public final class HandoutReadme {
    private HandoutReadme() {
    }

    /** The README of the handout of {@code assignments} ({@code dsm}, {@code ebm} or both). */
    public static String of(List<String> assignments) {
        return StudentReadme.of(assignments);
    }
}
