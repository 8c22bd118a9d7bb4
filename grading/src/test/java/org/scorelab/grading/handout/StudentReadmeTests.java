package org.scorelab.grading.handout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scorelab.course.AssignmentDescriptor;
import org.scorelab.course.Course;

/** The handout's README and poms, made from the descriptors (issue 21), without building a handout. */
class StudentReadmeTests {
    private static final Course COURSE = Course.installed();

    @Test
    void eachAssignmentsSectionComesFromItsDescriptor() {
        for (AssignmentDescriptor a : COURSE.assignments()) {
            String readme = StudentReadme.of(List.of(a.name()));
            assertThat(readme).startsWith("# scorelab: the " + a.name() + " assignment").contains(a.handoutSection())
                .contains("`" + a.packageName().replace('.', '/') + "/*.java`")
                .contains("-Dexec.args=\"0 " + a.name() + "\"");
        }
        String all = StudentReadme.of(COURSE.names());
        assertThat(all).startsWith("# scorelab: the dsm and ebm assignments").contains("-Dexec.mainClass=org.scorelab.Figures\n");
        assertThat(all.indexOf(COURSE.named("dsm").handoutSection())).isLessThan(all.indexOf(COURSE.named("ebm").handoutSection()));
    }

    @Test
    void onlyAHandoutThatDoesNotStartWithTheCoursesFirstAssignmentNamesItsMainClass() {
        assertThat(StudentReadme.of(List.of("dsm"))).contains("mvn -q compile exec:java\n");
        assertThat(StudentReadme.of(List.of("ebm"))).contains("mvn -q compile exec:java -Dexec.mainClass=org.scorelab.ebm.EbmAssignment\n");
    }

    @Test
    void theAssignmentPomRunsTheFirstAssignmentAndHandsInEveryChosenPackage() {
        String pom = "<project><parent><artifactId>scorelab-parent</artifactId><version>1</version></parent>"
            + "<properties></properties><exec.mainClass>x</exec.mainClass><description>d</description>"
            + "<artifactId>exec-maven-plugin</artifactId></project>";
        Poms poms = new Poms("<artifactId>scorelab-parent</artifactId>\n<version>0.1.0-SNAPSHOT</version>",
            List.of(COURSE.named("ebm")));
        assertThat(poms.assignment(pom)).contains("<exec.mainClass>org.scorelab.ebm.EbmAssignment</exec.mainClass>")
            .contains("<argument>org.scorelab.ebm</argument>").doesNotContain("org.scorelab.dsm");
    }

    @Test
    void anUnknownAssignmentIsRefusedWithTheNamesThereAre() {
        assertThatThrownBy(() -> new Handout(Handout.findRepository(java.nio.file.Path.of("")), Set.of("gan")))
            .hasMessageContaining("must be some of [dsm, ebm]").hasMessageContaining("gan");
        assertThatThrownBy(() -> COURSE.choose("dsm,gan")).hasMessageContaining("no assignment is called 'gan'")
            .hasMessageContaining("dsm, ebm");
        assertThat(COURSE.choose("ebm,dsm")).extracting(AssignmentDescriptor::name).containsExactly("dsm", "ebm");
        assertThat(COURSE.choose("both")).extracting(AssignmentDescriptor::name).containsExactly("dsm", "ebm");
    }
}
