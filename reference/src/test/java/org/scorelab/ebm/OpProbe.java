package org.scorelab.ebm;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Scratch;
import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.models.MlpEnergy;
import org.scorelab.nn.Activation;
import org.scorelab.nn.Mlp;
import org.scorelab.random.Rng;

/** Times the parts of an energy's score (a throwaway harness). */
public final class OpProbe {
    public static void main(String[] args) {
        Rng rng = new Rng(0);
        for (Activation act : new Activation[] {Activation.SILU, Activation.ELU, Activation.TANH, Activation.SOFTPLUS}) {
            MlpEnergy f = new MlpEnergy(Mlp.input(2).hidden(64, 64).activation(act).output(1).build(rng));
            INDArray x = rng.normal(256, 2);
            time(act + " forward", () -> Scratch.compute(() -> Autograd.noGrad(() -> f.energy(Tensor.constant(x)).value())));
            time(act + " forward+grad x", () -> Scratch.compute(() -> {
                Tensor p = Tensor.variable(x);
                return Autograd.grad(f.energy(p).sum(), p, false).value();
            }));
            time(act + " forward+backward params", () -> Scratch.computeDouble(() -> {
                Tensor e = f.energy(Tensor.constant(x)).mean();
                e.backward();
                f.parameters().forEach(Tensor::zeroGrad);
                return 0;
            }));
        }
    }

    static void time(String what, Runnable r) {
        for (int i = 0; i < 50; i++) {
            r.run();
        }
        long s = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            r.run();
        }
        System.out.println(String.format(Locale.ROOT, "%-40s %.3f ms", what, (System.nanoTime() - s) / 1e6 / 300));
    }
}
