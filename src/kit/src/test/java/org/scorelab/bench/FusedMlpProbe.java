package org.scorelab.bench;

import java.util.Locale;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Scratch;
import org.scorelab.autograd.Tensor;
import org.scorelab.nn.Activation;
import org.scorelab.nn.Mlp;
import org.scorelab.nn.Sequential;
import org.scorelab.random.Rng;

/**
 * ND4J operations of each part of a DSM-like step on the 3-64-64-1 ELU network: forward, grad_x with createGraph,
 * and the parameter gradients of a loss on grad_x. Run with {@code -Dscorelab.fusedMlp=false} to compare.
 */
public final class FusedMlpProbe {
    private FusedMlpProbe() {
    }

    private static <T> T counted(String what, Supplier<T> body) {
        OpProfiler.getInstance().reset();
        T result = body.get();
        System.out.printf(Locale.ROOT, "%-40s %3d ND4J operations%n", what, OpProfiler.getInstance().getInvocationsCount());
        return result;
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        Rng rng = new Rng(0);
        Sequential net = Mlp.input(3).hidden(64, 64).activation(Activation.ELU).output(1).build(rng);
        INDArray x = rng.normal(batch, 3);
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
        Scratch.computeDouble(() -> {
            Tensor xt = counted("variable", () -> Tensor.variable(x));
            Tensor f = counted("forward", () -> net.forward(xt));
            Tensor sum = counted("sum", f::sum);
            Tensor gx = counted("grad_x, createGraph", () -> Autograd.grad(sum, xt, true));
            Tensor loss = counted("loss on grad_x", () -> gx.square().sum());
            counted("loss.backward()", () -> {
                loss.backward();
                return 0;
            });
            return 0;
        });
        OpProfiler.getInstance().printOutDashboard();
    }
}
