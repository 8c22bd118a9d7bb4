package org.scorelab.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;

/** {@link Optimizer#step(java.util.function.Supplier)}: the closure form runs inside a scratch scope. */
class ClosureStepTests {
    private static final Tensor TARGET = Tensor.of(new double[][] {{1, -1}, {0.5, 2}});

    private static Tensor start() {
        return Tensor.variable(Nd4j.createFromArray(new double[][] {{0, 0.3}, {-2, 4}}));
    }

    private static Tensor lossOf(Tensor p) {
        return p.sub(TARGET).square().sum().add(p.sum().square().mul(0.1));
    }

    /** Twenty steps with the closure and twenty by hand, with two optimizers built by {@code make}. */
    private static void closureAndManualPathsAgree(Function<List<Tensor>, Optimizer> make) {
        Tensor viaClosure = start();
        Tensor byHand = start();
        Optimizer closureOptimizer = make.apply(List.of(viaClosure));
        Optimizer manualOptimizer = make.apply(List.of(byHand));
        for (int t = 0; t < 20; t++) {
            double returned = closureOptimizer.step(() -> lossOf(viaClosure));
            manualOptimizer.zeroGrad();
            Tensor loss = lossOf(byHand);
            double expected = loss.item();
            loss.backward();
            manualOptimizer.step();
            assertThat(returned).as("loss returned at step %d", t + 1).isEqualTo(expected);
            assertThat(viaClosure.value()).as("parameter after step %d", t + 1).isEqualTo(byHand.value());
        }
        assertThat(viaClosure.grad()).as("the closure form zeroes the gradients afterwards").isNull();
    }

    @Test
    void adamUpdatesAsOnTheManualPathAndKeepsItsStateAcrossScratchScopes() {
        closureAndManualPathsAgree(ps -> new Adam(ps, 0.05, 0.9, 0.999, 1e-8, 0.01, true));
    }

    @Test
    void sgdUpdatesAsOnTheManualPathAndKeepsItsMomentumAcrossScratchScopes() {
        closureAndManualPathsAgree(ps -> Sgd.withLearningRate(0.02).momentum(0.9).nesterov(true).build(ps));
    }

    @Test
    void theReturnedLossIsTheOneBeforeTheUpdate() {
        Tensor p = start();
        double before = lossOf(p).item();
        double returned = new Sgd(List.of(p), 0.1).step(() -> lossOf(p));
        assertThat(returned).isEqualTo(before);
        assertThat(lossOf(p).item()).isLessThan(before);
    }

    @Test
    void aNanLossThrowsAndLeavesTheParametersAndStateUnchanged() {
        Tensor p = start();
        Adam adam = new Adam(List.of(p), 0.1);
        adam.step(() -> lossOf(p));
        INDArray afterOneStep = p.value().dup();
        // a NaN in the data; not lossOf(p).mul(NaN): ND4J's INDArray.mul(double) does not propagate a NaN scalar
        Tensor badTarget = Tensor.of(new double[][] {{1, Double.NaN}, {0.5, 2}});
        assertThatThrownBy(() -> adam.step(() -> p.sub(badTarget).square().sum()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("the loss is NaN; parameters were not updated");
        assertThat(p.value()).isEqualTo(afterOneStep);
        assertThat(adam.stepCount()).isEqualTo(1);

        Tensor twin = start();
        Adam twinAdam = new Adam(List.of(twin), 0.1);
        twinAdam.step(() -> lossOf(twin));
        twinAdam.step(() -> lossOf(twin));
        adam.step(() -> lossOf(p));
        assertThat(p.value()).as("training resumes as if the failed step never happened").isEqualTo(twin.value());
    }
}
