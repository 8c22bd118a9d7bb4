package org.scorelab.suites.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scorelab.suites.support.Graded;
import org.scorelab.toy.api.ToySolution;

/** Task 1.1, public: twice 21 is 42. */
class DoublerTests {
    @Test
    @Graded(assignment = "toy", task = "1.1", points = 1)
    void twiceDoublesAWholeNumber() {
        assertEquals(42.0, ToySolution.load().twice(21), 0.0, "Task 1.1: twice(21)");
    }
}
