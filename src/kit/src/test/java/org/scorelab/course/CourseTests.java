package org.scorelab.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The course read from the registered descriptors, and the figures command's choice of assignments (issue 21). */
class CourseTests {
    private static final Course COURSE = Course.installed();

    @Test
    void theKitRegistersDsmThenEbmEachWithItsOwnPackageTasksAndHandoutSection() {
        assertThat(COURSE.names()).containsExactly("dsm", "ebm");
        assertThat(COURSE.owning("org.scorelab.dsm")).map(AssignmentDescriptor::name).contains("dsm");
        assertThat(COURSE.owning("org.scorelab.dsm.api")).isEmpty();
        assertThat(COURSE.named("dsm").tasks()).extracting(Task::number)
            .containsExactly("1.1", "3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2");
        assertThat(COURSE.named("ebm").tasks()).extracting(Task::number).containsExactly("1.3", "2.2", "3.1.1", "3.2.2");
        assertThat(COURSE.named("ebm").solutionService()).isEqualTo("org.scorelab.ebm.api.EbmSolution");
        for (AssignmentDescriptor a : COURSE.assignments()) {
            assertThat(a.handoutSection()).as(a.name()).startsWith("## Assignment " + a.name() + ":");
        }
    }

    @Test
    void aChoiceIsANameNamesSeparatedByCommasOrBothAndAnUnknownNameIsRefusedWithTheNamesThereAre() {
        assertThat(COURSE.choose("ebm")).extracting(AssignmentDescriptor::name).containsExactly("ebm");
        assertThat(COURSE.choose(" ebm , dsm ")).extracting(AssignmentDescriptor::name).containsExactly("dsm", "ebm");
        assertThat(COURSE.choose("all")).isEqualTo(COURSE.assignments());
        assertThatThrownBy(() -> COURSE.choose("gan")).hasMessage("no assignment is called 'gan'; the course has dsm, ebm");
        assertThat(Course.sentence(List.of("dsm", "ebm", "toy"))).isEqualTo("dsm, ebm and toy");
    }

    @Test
    void theFiguresCommandsUsageAndRefusalsNameTheRegisteredAssignments() {
        assertThat(FiguresCommand.usage(COURSE)).isEqualTo("usage: Figures [seed] [dsm|ebm|both] [folder], e.g. 0 both figures");
        assertThatThrownBy(() -> FiguresCommand.run(COURSE, new String[] {"0", "gan"}))
            .hasMessage("usage: Figures [seed] [dsm|ebm|both] [folder], e.g. 0 both figures (the assignment must be dsm, ebm or"
                + " both, got 'gan')");
        // The kit alone has no implementation: "both" makes what the class path holds, here nothing.
        assertThatThrownBy(() -> FiguresCommand.run(COURSE, new String[] {"0", "both"})).hasMessage("no assignment's "
            + "solution is on the class path: run the figures from the module that holds org.scorelab.dsm.Solution or "
            + "org.scorelab.ebm.Solution");
    }
}
