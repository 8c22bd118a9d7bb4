package org.scorelab.grading.intake;

import java.util.List;

/**
 * What a submission's upload holds once read: the student's files matched to the template's, and a note (for the
 * report) for each thing that was set aside or read with a fallback.
 */
public record Upload(List<SourceFile> files, List<String> notes) {
    public Upload {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /** True when no file of the template was found: the submission is graded as the template. */
    public boolean isEmpty() {
        return files.isEmpty();
    }
}
