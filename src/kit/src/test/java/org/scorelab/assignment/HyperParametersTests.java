package org.scorelab.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 19, item 3: the figures' table prints numbers as a student writes them. */
class HyperParametersTests {
    @Test
    void numbersPrintAsAStudentWritesThem() {
        assertThat(HyperParameters.format(3e-3 / 10)).isEqualTo("0.0003");
        assertThat(HyperParameters.format(3e-4)).isEqualTo("0.0003");
        assertThat(HyperParameters.format(1e-3)).isEqualTo("0.001");
        assertThat(HyperParameters.format(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(HyperParameters.format(0.99)).isEqualTo("0.99");
        assertThat(HyperParameters.format(1e-5)).isEqualTo("1e-5");
        assertThat(HyperParameters.format(2.5e-7)).isEqualTo("2.5e-7");
        assertThat(HyperParameters.format(3e-4f)).isEqualTo("0.0003");
        assertThat(HyperParameters.format(6000.0)).isEqualTo("6000");
        assertThat(HyperParameters.format(1.5)).isEqualTo("1.5");
        assertThat(HyperParameters.format(1.23456789e8)).isEqualTo("123456789");
        assertThat(HyperParameters.format(1.2345678e-9)).isEqualTo("1.23457e-9");
        assertThat(HyperParameters.format(0.0)).isEqualTo("0");
        assertThat(HyperParameters.format(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void otherValuesPrintAsTheyAre() {
        assertThat(HyperParameters.format(3000)).isEqualTo("3000");
        assertThat(HyperParameters.format("Adam")).isEqualTo("Adam");
        assertThat(HyperParameters.format(null)).isEqualTo("null");
    }
}
