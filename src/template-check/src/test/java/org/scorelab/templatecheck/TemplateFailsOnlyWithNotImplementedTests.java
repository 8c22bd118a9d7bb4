package org.scorelab.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.course.AssignmentDescriptor;
import org.scorelab.course.Course;
import org.scorelab.course.Task;
import org.scorelab.suites.support.Graded;

/**
 * Runs every graded check (public and hidden) against the untouched student template, which is the implementation on
 * this module's class path, and requires that each fails with a "not implemented" error, of its own task except in the
 * end-to-end checks: no other error, no crash, no pass.
 */
class TemplateFailsOnlyWithNotImplementedTests {
    record Outcome(String test, Graded graded, TestExecutionResult result) {
    }

    private static final List<Outcome> OUTCOMES = new ArrayList<>();

    @BeforeAll
    static void runAllGradedChecks() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage("org.scorelab.suites"))
            .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).ifPresent(source -> {
                    Method method = source.getJavaMethod();
                    Graded graded = method.getAnnotation(Graded.class);
                    if (graded != null) {
                        OUTCOMES.add(new Outcome(source.getClassName() + "." + method.getName(), graded, result));
                    }
                });
            }
        });
    }

    @Test
    void everyTaskOfTheSheetHasGradedChecks() {
        assertThat(Course.installed().assignments()).isNotEmpty();
        for (AssignmentDescriptor a : Course.installed().assignments()) {
            assertThat(OUTCOMES.stream().filter(o -> o.graded().assignment().equals(a.name())).map(o -> o.graded().task())
                .distinct().sorted()).as(a.name()).containsExactlyElementsOf(a.tasks().stream().map(Task::number).sorted().toList());
        }
        assertThat(OUTCOMES).allSatisfy(o -> assertThat(Course.installed().find(o.graded().assignment())).as(o.test()).isPresent());
    }

    @Test
    void everyGradedCheckFailsWithItsOwnTasksNotImplemented() {
        assertThat(OUTCOMES).isNotEmpty();
        for (Outcome o : OUTCOMES) {
            assertThat(o.result().getStatus()).as(o.test()).isEqualTo(TestExecutionResult.Status.FAILED);
            Throwable failure = o.result().getThrowable().orElseThrow();
            assertThat(failure).as("%s failed with %s", o.test(), failure).isInstanceOf(NotImplemented.class);
            // Thrown by a class of the check's own assignment: "1.1" of two assignments cannot be mistaken.
            assertThat(((NotImplemented) failure).assignment()).as(o.test()).isEqualTo(o.graded().assignment());
            if (!o.test().contains("EndToEndTests")) {
                // An end-to-end check runs every task's code in the sheet's order, so it stops at the first missing one.
                assertThat(failure.getMessage()).as(o.test()).isEqualTo("not implemented: Task " + o.graded().task());
            }
        }
    }
}
