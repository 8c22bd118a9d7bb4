package org.scorelab.grading.compile;

import java.nio.file.Path;
import java.util.List;

/**
 * A compiled submission: the class output folder, and what became of each template file.
 *
 * @param classes the folder holding the compiled classes and the solutions' service registrations
 * @param files one outcome per template file
 * @param seconds time spent compiling
 */
public record Compilation(Path classes, List<FileOutcome> files, double seconds) {
    public Compilation {
        files = List.copyOf(files);
    }

    /** The outcomes that set a student's file aside. */
    public List<FileOutcome> problems() {
        return files.stream().filter(FileOutcome::setAside).toList();
    }
}
