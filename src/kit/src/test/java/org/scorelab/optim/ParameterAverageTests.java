package org.scorelab.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;

class ParameterAverageTests {
    @Test
    void averagesByHand() {
        Tensor p = Tensor.variable(Nd4j.createFromArray(1.0, 2.0));
        ParameterAverage average = new ParameterAverage(List.of(p), 0.5);
        p.value().assign(Nd4j.createFromArray(3.0, 6.0));
        average.update(); // 0.5 * (1, 2) + 0.5 * (3, 6) = (2, 4)
        p.value().assign(Nd4j.createFromArray(0.0, 0.0));
        average.update(); // (1, 2)
        average.copyToParameters();
        assertThat(p.value().toDoubleVector()).containsExactly(new double[] {1.0, 2.0}, within(1e-15));
    }
}
