package org.scorelab.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RngTests {
    @Test
    void theSameSeedGivesTheSameNumbers() {
        assertThat(new Rng(7).normal(3, 2)).isEqualTo(new Rng(7).normal(3, 2));
        assertThat(new Rng(7).normal(3, 2)).isNotEqualTo(new Rng(8).normal(3, 2));
        assertThat(new Rng(7).split().nextDouble()).isEqualTo(new Rng(7).split().nextDouble());
    }

    @Test
    void rowsAreCopiesOfDataRowsInTheDrawnOrder() {
        INDArray data = Nd4j.createFromArray(new double[][] {{0, 10}, {1, 11}, {2, 12}, {3, 13}});
        int[] expectedIndices = new Rng(5).integers(6, 4);
        INDArray batch = new Rng(5).rows(data, 6);
        assertThat(batch.shape()).containsExactly(6, 2);
        for (int i = 0; i < 6; i++) {
            assertThat(batch.getRow(i).toDoubleVector()).containsExactly(expectedIndices[i], 10 + expectedIndices[i]);
        }
        batch.putScalar(0, 0, -1);
        assertThat(data.minNumber().doubleValue()).as("the batch is a copy").isZero();
    }

    @Test
    void rowsRejectsAVector() {
        assertThatThrownBy(() -> new Rng(1).rows(Nd4j.createFromArray(1.0, 2.0), 3)).hasMessageContaining("[n, d]");
    }

    @Test
    void normalNumbersHaveUnitVariance() {
        // 200000 draws: the sample variance has standard error sqrt(2 / 200000) = 0.0032; 0.02 is 6 standard errors.
        INDArray z = new Rng(11).normal(200_000);
        assertThat(z.meanNumber().doubleValue()).isBetween(-0.015, 0.015);
        assertThat(z.varNumber().doubleValue()).isBetween(0.98, 1.02);
    }
}
