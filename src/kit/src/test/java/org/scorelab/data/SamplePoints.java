package org.scorelab.data;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.random.Rng;

/** The n points of one sample as two coordinate arrays. */
final class SamplePoints {
    final int n;
    final double[] x;
    final double[] y;

    SamplePoints(INDArray sample) {
        double[] rows = sample.dup('c').data().asDouble();
        n = (int) sample.size(0);
        x = new double[n];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rows[2 * i];
            y[i] = rows[2 * i + 1];
        }
    }

    static SamplePoints of(ToyData data, int n, long seed) {
        return new SamplePoints(data.sample(n, new Rng(seed)));
    }

    double[] squaredRadii() {
        double[] r2 = new double[n];
        for (int i = 0; i < n; i++) {
            r2[i] = x[i] * x[i] + y[i] * y[i];
        }
        return r2;
    }

    double[] radii() {
        return Arrays.stream(squaredRadii()).map(Math::sqrt).toArray();
    }

    Integer[] rowsByRadius() {
        double[] r = radii();
        Integer[] rows = new Integer[n];
        Arrays.setAll(rows, i -> i);
        Arrays.sort(rows, (a, b) -> Double.compare(r[b], r[a]));
        return rows;
    }
}
