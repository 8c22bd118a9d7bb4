package org.scorelab.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "1.1" of two assignments cannot collide: the exception knows its assignment (issue 21, item 5). */
class NotImplementedTests {
    @Test
    void theMessageStaysTheSheetsAndTheKeyNamesTheAssignment() {
        NotImplemented e = new NotImplemented("3.3");
        assertThat(e).hasMessage("not implemented: Task 3.3");
        assertThat(e.task()).isEqualTo("3.3");
        assertThat(e.assignment()).isEqualTo("assignment"); // thrown here, from org.scorelab.assignment
        assertThat(e.key()).isEqualTo("assignment 3.3");
    }

    @Test
    void theAssignmentIsTheThrowingClassesPackageUnderOrgScorelab() {
        assertThat(NotImplemented.assignmentOf("org.scorelab.dsm.GaussianMixture")).isEqualTo("dsm");
        assertThat(NotImplemented.assignmentOf("org.scorelab.ebm.Langevin$Chain")).isEqualTo("ebm");
        assertThat(NotImplemented.assignmentOf("org.scorelab.dsm.api.DsmRun")).isEmpty();
        assertThat(NotImplemented.assignmentOf("GaussianMixture")).isEmpty();
    }
}
