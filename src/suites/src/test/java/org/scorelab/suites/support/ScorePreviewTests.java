package org.scorelab.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.scorelab.assignment.NotImplemented;

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

        @Graded(assignment = "dsm", task = "10.1", points = 0.25)
        void notWritten() {
        }

        @Graded(assignment = "dsm", task = "10.1", points = 0.5)
        void notWrittenEither() {
        }

        @Graded(assignment = "dsm", task = "3.3", points = 1.0)
        void crashes() {
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
    void sumsPointsPerTaskAndListsFailuresByTaskInTheSheetsOrder() throws Exception {
        ScorePreview preview = new ScorePreview();
        preview.executionFinished(test("notWritten"), TestExecutionResult.failed(new NotImplemented("10.1")));
        preview.executionFinished(test("passes"), TestExecutionResult.successful());
        preview.executionFinished(test("fails"), TestExecutionResult.failed(
            Feedback.of("3.1", "sigma_1").mismatch("0 < sigma_1 <= 0.0320", 0.5, "sigma_1 too large")));
        preview.executionFinished(test("alsoPasses"), TestExecutionResult.successful());
        preview.executionFinished(test("notWrittenEither"), TestExecutionResult.failed(new NotImplemented("10.1")));
        assertEquals(String.join("\n",
            "",
            "==================== score preview ====================",
            "  Task dsm 1.1      2.00 /  2.00",
            "  Task dsm 3.1      1.00 /  1.50",
            "  Task dsm 10.1     0.00 /  0.75",
            "  total             3.00 /  4.25  (checks run here only; the grader adds hidden ones)",
            "",
            "  Failed checks, by task in the sheet's order:",
            "",
            "  Task dsm 3.1, 0.50 of 1.50 points lost:",
            "    FAILED fails() (0.5 points)",
            "      Task 3.1 (sigma_1):",
            "        expected 0 < sigma_1 <= 0.0320, found 0.5000.",
            "        Likely mistake: sigma_1 too large",
            "",
            "  Task dsm 10.1, 0.75 of 0.75 points lost:",
            "    FAILED 2 checks (0.75 points)",
            "      not implemented: Task 10.1",
            "======================================================="), preview.render());
    }

    @Test
    void anExceptionInTheStudentsCodeIsShownWithItsLine() {
        RuntimeException e = new IllegalStateException("index 3 out of bounds");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.scorelab.autograd.Tensor", "get", "Tensor.java", 10),
            new StackTraceElement("org.scorelab.dsm.GaussianMixture", "sample", "GaussianMixture.java", 31),
            new StackTraceElement("org.scorelab.suites.dsm.MixtureSamplingTests", "sampleOf", "MixtureSamplingTests.java", 36)});
        assertEquals("IllegalStateException: index 3 out of bounds\n  at org.scorelab.dsm.GaussianMixture.sample("
            + "GaussianMixture.java:31)", ScorePreview.reason(e));
        assertEquals("not implemented: Task 1.1", ScorePreview.reason(new NotImplemented("1.1")));
    }

    @Test
    void aCheckThatNeverRanLosesItsPointsWithTheReason() throws Exception {
        ScorePreview preview = new ScorePreview();
        preview.executionSkipped(test("crashes"), "class set-up failed");
        assertTrue(preview.render().contains("Task dsm 3.3      0.00 /  1.00"), preview.render());
        assertTrue(preview.render().contains("skipped: class set-up failed"), preview.render());
    }

    @Test
    void theSheetsOrderComparesTaskNumbersAsNumbers() {
        List<String> tasks = new ArrayList<>(List.of("ebm 3.2.2", "dsm 10.1", "ebm 1.3", "dsm 3.1", "ebm 3.1.1", "dsm 4.2"));
        tasks.sort(ScorePreview.SHEET_ORDER);
        assertEquals(List.of("dsm 3.1", "dsm 4.2", "dsm 10.1", "ebm 1.3", "ebm 3.1.1", "ebm 3.2.2"), tasks);
    }

    @Test
    void withThePreviewFileSetThePreviewIsWrittenThereAndThePrinterPrintsItOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("target/score-preview.txt");
        String old = System.getProperty(ScorePreview.FILE_PROPERTY);
        System.setProperty(ScorePreview.FILE_PROPERTY, file.toString());
        try {
            ScorePreview preview = new ScorePreview();
            preview.executionFinished(test("passes"), TestExecutionResult.successful());
            preview.testPlanExecutionFinished(null);
        } finally {
            if (old == null) {
                System.clearProperty(ScorePreview.FILE_PROPERTY);
            } else {
                System.setProperty(ScorePreview.FILE_PROPERTY, old);
            }
        }
        assertTrue(Files.readString(file).contains("Task dsm 3.1      1.00 /  1.00"));
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            ScorePreviewPrinter.main(new String[] {file.toString(), "--reports="});
            ScorePreviewPrinter.main(new String[] {file.toString(), "--reports="});
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, text.split("score preview", -1).length - 1, text);
        assertTrue(Files.notExists(file));
    }
}
