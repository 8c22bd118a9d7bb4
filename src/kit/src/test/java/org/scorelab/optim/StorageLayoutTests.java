package org.scorelab.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scorelab.autograd.Tensor;

/**
 * The optimizers update a parameter element by element in Java, in row-major order: a parameter stored column-major,
 * or as a view into a larger array (a student may make one so), must update exactly as a row-major one does.
 */
class StorageLayoutTests {
    private static final double[][] START = {{0.3, -1.2, 0.7}, {2.0, 0.1, -0.4}};
    private static final double[][] GRAD = {{0.5, -0.25, 1.5}, {-2.0, 0.75, 0.1}};

    private static INDArray stored(double[][] values, String layout) {
        INDArray rowMajor = Nd4j.createFromArray(values);
        return switch (layout) {
            case "c" -> rowMajor;
            case "f" -> rowMajor.dup('f');
            case "view" -> {
                INDArray big = Nd4j.zeros(DataType.DOUBLE, 4, 5);
                INDArray view = big.get(NDArrayIndex.interval(1, 3), NDArrayIndex.interval(2, 5));
                view.assign(rowMajor);
                yield view;
            }
            default -> throw new IllegalArgumentException(layout);
        };
    }

    private static INDArray afterThreeSteps(String parameterLayout, Function<List<Tensor>, Optimizer> make) {
        Tensor p = Tensor.variable(stored(START, parameterLayout));
        Optimizer optimizer = make.apply(List.of(p));
        for (int t = 0; t < 3; t++) {
            p.zeroGrad();
            p.mul(Tensor.constant(Nd4j.createFromArray(GRAD).mul(t + 1.0))).sum().backward();
            optimizer.step();
        }
        return p.value().dup('c');
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "sgd"})
    void aParameterUpdatesTheSameWhateverItsStorage(String which) {
        Function<List<Tensor>, Optimizer> make = which.equals("adam")
            ? ps -> new Adam(ps, 0.1, 0.9, 0.999, 1e-8, 0.01, true)
            : ps -> Sgd.withLearningRate(0.1).momentum(0.9).weightDecay(0.01).nesterov(true).build(ps);
        INDArray expected = afterThreeSteps("c", make);
        assertThat(expected).isNotEqualTo(Nd4j.createFromArray(START));
        for (String parameter : List.of("c", "f", "view")) {
            assertThat(afterThreeSteps(parameter, make)).as(which + ": parameter stored " + parameter).isEqualTo(expected);
        }
    }
}
