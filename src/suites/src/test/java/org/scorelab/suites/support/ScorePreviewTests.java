package org.scorelab.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

class ScorePreviewTests {

    static class Sample {
        @Graded(assignment = "dsm", task = "3.1", points = 1.0)
        void passes() {
        }

        @Graded(assignment = "dsm", task = "3.1", points = 0.5)
        void fails() {
        }

        @Graded(assignment = "dsm", task = "1.1", points = 2.0)
        void alsoPasses() {
        }
    }

    private static TestIdentifier test(String method) throws NoSuchMethodException {
        MethodSource source = MethodSource.from(Sample.class.getDeclaredMethod(method));
        return TestIdentifier.from(new AbstractTestDescriptor(UniqueId.root("test", method), method + "()", source) {
            @Override
            public Type getType() {
                return Type.TEST;
            }
        });
    }

    @Test
    void sumsPointsPerTaskAndListsFailures() throws Exception {
        ScorePreview preview = new ScorePreview();
        preview.executionFinished(test("passes"), TestExecutionResult.successful());
        preview.executionFinished(test("fails"), TestExecutionResult.failed(
            Feedback.of("3.1", "sigma_1").mismatch("0 < sigma_1 <= 0.0320", 0.5, "sigma_1 too large")));
        preview.executionFinished(test("alsoPasses"), TestExecutionResult.successful());
        assertEquals(String.join("\n",
            "",
            "==================== score preview ====================",
            "  Task dsm 1.1      2.00 /  2.00",
            "  Task dsm 3.1      1.00 /  1.50",
            "  total             3.00 /  3.50  (checks run here only; the grader adds hidden ones)",
            "",
            "  FAILED fails() (0.5 points)",
            "    Task 3.1 (sigma_1):",
            "      expected 0 < sigma_1 <= 0.0320, found 0.5000.",
            "      Likely mistake: sigma_1 too large",
            "======================================================="), preview.render());
    }
}
