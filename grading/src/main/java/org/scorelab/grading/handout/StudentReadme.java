package org.scorelab.grading.handout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.scorelab.course.AssignmentDescriptor;
import org.scorelab.course.Course;

/**
 * The handout's README, for students: the common part ({@code scorelab/handout/README.md}) with one section per
 * assignment, its descriptor's {@link AssignmentDescriptor#handoutSection()}: the classes per task, the commands, the
 * report's questions, the hand-in.
 */
final class StudentReadme {
    private StudentReadme() {
    }

    /** The README of the handout of the installed course's assignments called {@code assignments}. */
    static String of(List<String> assignments) {
        Course course = Course.installed();
        return of(course.assignments().stream().filter(a -> assignments.contains(a.name())).toList(), course);
    }

    static String of(List<AssignmentDescriptor> assignments, Course course) {
        String sections = assignments.stream().map(AssignmentDescriptor::handoutSection).collect(Collectors.joining());
        List<String> names = assignments.stream().map(AssignmentDescriptor::name).toList();
        boolean several = assignments.size() > 1;
        // exec:java runs the first assignment's main class already (Poms); the course's first needs no option.
        boolean defaultMain = assignments.get(0).name().equals(course.names().get(0));
        return resource("README.md")
            .replace("{{title}}", several ? "the " + Course.sentence(names) + " assignments" : "the " + names.get(0) + " assignment")
            .replace("{{run-args}}", defaultMain ? "" : " -Dexec.mainClass=" + assignments.get(0).mainClass())
            .replace("{{figure-args}}", several ? "" : " -Dexec.args=\"0 " + names.get(0) + "\"")
            .replace("{{packages}}", assignments.stream().map(a -> "`" + a.packageName().replace('.', '/') + "/*.java`")
                .collect(Collectors.joining(" and ")))
            .replace("{{assignments}}", sections);
    }

    private static String resource(String name) {
        try (InputStream in = StudentReadme.class.getResourceAsStream("/scorelab/handout/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the grader was built without scorelab/handout/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
