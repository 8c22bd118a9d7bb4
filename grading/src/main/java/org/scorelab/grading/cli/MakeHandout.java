package org.scorelab.grading.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.scorelab.grading.handout.Handout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the student handout: what students receive, and nothing else. */
@Command(name = "handout", mixinStandardHelpOptions = true,
    description = "Write the student handout of one or both assignments as DIR/scorelab-handout/ and"
        + " DIR/scorelab-handout.zip: the template, the kit and the public checks as a Maven project, with a README"
        + " for students. No reference, hidden checks, rubric or grader.")
final class MakeHandout implements Callable<Integer> {
    enum Choice { dsm, ebm, both }

    @Option(names = "--assignment", paramLabel = "dsm|ebm|both", defaultValue = "both",
        description = "Which assignment(s) (default: ${DEFAULT-VALUE}).")
    Choice assignment;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "handout-out",
        description = "Where to write scorelab-handout/ and scorelab-handout.zip (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--repo", paramLabel = "DIR",
        description = "The scorelab repository (default: the working folder, or its parent).")
    Path repo;

    @Override
    public Integer call() throws Exception {
        Set<String> assignments = new LinkedHashSet<>(assignment == Choice.both ? Handout.ASSIGNMENTS
            : List.of(assignment.name()));
        Handout handout;
        try {
            handout = new Handout(repo != null ? repo : Handout.findRepository(Path.of("")), assignments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Handout.Written written = handout.write(out);
        System.out.println("Wrote the " + String.join(" and ", assignments) + " handout, " + written.files().size()
            + " files:\n  " + written.folder() + "\n  " + written.zip()
            + "\nStudents unzip it and run `mvn -q test` in scorelab-handout/ (see its README.md).");
        return 0;
    }
}
