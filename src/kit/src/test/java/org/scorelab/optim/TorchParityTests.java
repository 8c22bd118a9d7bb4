package org.scorelab.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;

/**
 * The kit's optimizers against real PyTorch: trajectories of torch.optim.Adam and torch.optim.SGD (torch 1.13,
 * float64) on loss(p) = sum(w * (p - target)^2), read from the committed fixture
 * {@code src/test/resources/optim/adam_sgd_torch.csv}. This test only reads the file; to regenerate it (needs
 * torch), run {@code /usr/bin/python3 make_adam_fixture.py} in that folder, and keep the problem and the
 * settings below in step with the script.
 */
class TorchParityTests {
    private static final double TOLERANCE = 1e-12;
    private static final double[][] START = {{0.5, -1.2}, {2.0, 0.3}, {-0.7, 1.1}};
    private static final double[][] TARGET = {{1.0, 0.0}, {-1.0, 0.5}, {0.25, -2.0}};
    private static final double[][] WEIGHT = {{1.0, 0.5}, {2.0, 0.1}, {0.75, 3.0}};
    private static final Map<String, Function<List<Tensor>, Optimizer>> OPTIMIZERS = Map.of(
        "adam", ps -> new Adam(ps, 0.1),
        "adam_amsgrad_wd", ps -> new Adam(ps, 0.1, 0.8, 0.5, 1e-8, 0.05, true),
        "sgd_nesterov", ps -> Sgd.withLearningRate(0.05).momentum(0.9).nesterov(true).weightDecay(0.01).build(ps));

    /** One fixture row: the parameter after {@code step} steps (row-major) and the loss there. */
    private record Row(int step, double loss, double[] p) {
    }

    private static Map<String, List<Row>> fixture() throws IOException {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        try (InputStream in = TorchParityTests.class.getResourceAsStream("/optim/adam_sgd_torch.csv")) {
            assertThat(in).as("the fixture optim/adam_sgd_torch.csv on the test class path").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.startsWith("optimizer,") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] p = Arrays.stream(f, 3, f.length).mapToDouble(Double::parseDouble).toArray();
                rows.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new Row(Integer.parseInt(f[1]), Double.parseDouble(f[2]), p));
            }
        }
        return rows;
    }

    private static void assertClose(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(TOLERANCE * Math.max(1, Math.abs(expected))));
    }

    @Test
    void theFixtureHoldsEveryOptimizerFromTheStart() throws IOException {
        Map<String, List<Row>> rows = fixture();
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(OPTIMIZERS.keySet());
        rows.values().forEach(trajectory -> {
            assertThat(trajectory).extracting(Row::step).containsExactly(0, 1, 2, 3, 4, 5, 6);
            double[] start = Arrays.stream(START).flatMapToDouble(Arrays::stream).toArray();
            assertThat(trajectory.get(0).p()).containsExactly(start);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "adam_amsgrad_wd", "sgd_nesterov"})
    void theTrajectoryMatchesPyTorch(String name) throws IOException {
        List<Row> expected = fixture().get(name);
        Tensor p = Tensor.variable(Nd4j.createFromArray(START));
        Tensor target = Tensor.of(TARGET);
        Tensor weight = Tensor.of(WEIGHT);
        Optimizer optimizer = OPTIMIZERS.get(name).apply(List.of(p));
        for (Row row : expected) {
            optimizer.zeroGrad();
            Tensor loss = p.sub(target).square().mul(weight).sum();
            assertClose(loss.item(), row.loss(), name + ": loss after " + row.step() + " steps");
            double[] actual = p.value().dup().data().asDouble();
            for (int i = 0; i < actual.length; i++) {
                String what = name + ": p[" + i / 2 + "][" + i % 2 + "] after " + row.step() + " steps";
                assertClose(actual[i], row.p()[i], what);
            }
            loss.backward();
            optimizer.step();
        }
    }
}
