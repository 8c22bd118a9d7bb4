package org.scorelab.grading.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.scorelab.course.AssignmentDescriptor;
import org.scorelab.course.Course;
import org.scorelab.course.Task;

/** The plan the grader discovers, against the descriptors of the course (issue 21). */
class SuitePlanTests {
    private static final List<PlannedTest> ALL = SuitePlan.discover(true, null);

    @Test
    void theHiddenSuitesAreFoundByTheirMarkerBesideThePublicOnes() {
        assertThat(SuitePlan.hiddenRoot()).isNotEqualTo(SuitePlan.publicRoot());
        assertThat(ALL).anyMatch(PlannedTest::hidden).anyMatch(t -> !t.hidden());
        assertThat(SuitePlan.discover(false, null)).noneMatch(PlannedTest::hidden);
    }

    @Test
    void everyGradedCheckBelongsToADescribedTaskAndEachTasksPointsAreItsChecks() {
        assertThat(Course.installed().names()).containsExactly("dsm", "ebm");
        for (AssignmentDescriptor a : Course.installed().assignments()) {
            Map<String, Double> planned = ALL.stream().filter(t -> t.assignment().equals(a.name()))
                .collect(Collectors.groupingBy(PlannedTest::task, TreeMap::new, Collectors.summingDouble(PlannedTest::points)));
            Map<String, Double> described = a.tasks().stream()
                .collect(Collectors.toMap(Task::number, Task::points, (x, y) -> x, TreeMap::new));
            assertThat(described).as(a.name()).isEqualTo(planned);
        }
        assertThat(ALL).allSatisfy(t -> assertThat(Course.installed().find(t.assignment())).as(t.id()).isPresent());
    }
}
