package org.scorelab.grading.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.ValueWrapper;

/** A failed check's expected and found values reach the reports as data, vectors included. */
class FailuresTests {
    @Test
    void vectorsAreRenderedByTheirEntriesNotTheirIdentity() {
        double[] score = {19.90233, 34.83};
        AssertionFailedError e = new AssertionFailedError("Task 3.4", score, new double[] {1, 2});
        ValueWrapper expected = e.getExpected();
        assertThat(expected.getStringRepresentation()).startsWith("[D@");
        assertThat(Failures.render(expected.getValue(), expected.getStringRepresentation())).isEqualTo("[19.90233, 34.83]");
        assertThat(Failures.render(new Object[] {new double[] {1}, "x"}, "?")).isEqualTo("[[1.0], x]");
        assertThat(Failures.render(new int[] {3, 4}, "?")).isEqualTo("[3, 4]");
        assertThat(Failures.render(0.5, "0.5")).isEqualTo("0.5");
    }
}
