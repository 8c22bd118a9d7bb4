package org.scorelab.grading.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.scorelab.course.AssignmentDescriptor;
import org.scorelab.course.Course;
import org.scorelab.grading.handout.Handout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the student handout: what students receive, and nothing else. */
@Command(name = "handout", mixinStandardHelpOptions = true,
    description = "Write the student handout of one, some or all assignments as DIR/scorelab-handout/ and"
        + " DIR/scorelab-handout.zip: the template, the kit and the public checks as a Maven project, with a README"
        + " for students. No reference, hidden checks, rubric or grader.")
final class MakeHandout implements Callable<Integer> {
    @Option(names = "--assignment", paramLabel = "NAME[,NAME...]|both", defaultValue = "both",
        description = "Which assignment(s): a name, names separated by commas, or both (all; default: ${DEFAULT-VALUE}).")
    String assignment;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "handout-out",
        description = "Where to write scorelab-handout/ and scorelab-handout.zip (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--repo", paramLabel = "DIR",
        description = "The scorelab repository (default: the working folder, or its parent).")
    Path repo;

    @Override
    public Integer call() throws Exception {
        Course course = Course.installed();
        Set<String> assignments = new LinkedHashSet<>();
        Handout handout;
        try {
            course.choose(assignment).stream().map(AssignmentDescriptor::name).forEach(assignments::add);
            handout = new Handout(repo != null ? repo : Handout.findRepository(Path.of("")), assignments, course);
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
