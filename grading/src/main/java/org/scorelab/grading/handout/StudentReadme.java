package org.scorelab.grading.handout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The handout's README, for students: the common part ({@code scorelab/handout/README.md}) with one section per
 * assignment ({@code dsm.md}, {@code ebm.md}): the classes per task, the commands, the report's questions, the hand-in.
 */
final class StudentReadme {
    private StudentReadme() {
    }

    static String of(List<String> assignments) {
        String sections = assignments.stream().map(a -> resource(a + ".md")).collect(Collectors.joining());
        boolean both = assignments.size() > 1;
        return resource("README.md")
            .replace("{{title}}", both ? "the dsm and ebm assignments" : "the " + assignments.get(0) + " assignment")
            .replace("{{run-args}}", assignments.contains("dsm") ? "" : " -Dexec.mainClass=org.scorelab.ebm.EbmAssignment")
            .replace("{{figure-args}}", both ? "" : " -Dexec.args=\"0 " + assignments.get(0) + "\"")
            .replace("{{packages}}", assignments.stream().map(a -> "`org/scorelab/" + a + "/*.java`")
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
