package org.scorelab.suites.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.suites.support.Artifacts;
import org.scorelab.suites.support.Graded;
import org.scorelab.toy.api.ToySolution;

/** Task 1.1, hidden: a negative fraction; leaves the report figure's numbers. */
class HiddenDoublerTests {
    @Test
    @Graded(assignment = "toy", task = "1.1", points = 1)
    void twiceDoublesANegativeFraction() {
        double found = ToySolution.load().twice(-1.5);
        Artifacts.save("toy-values", "x, twice(x)", Nd4j.createFromArray(new double[][] {{-1.5, found}}));
        assertEquals(-3.0, found, 0.0, "Task 1.1: twice(-1.5)");
    }
}
