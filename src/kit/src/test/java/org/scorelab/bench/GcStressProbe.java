package org.scorelab.bench;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Tensor;
import org.scorelab.nn.Activation;
import org.scorelab.nn.Linear;
import org.scorelab.nn.Module;
import org.scorelab.nn.Sequential;
import org.scorelab.random.Rng;

/** Second derivatives fused against layer by layer while another thread keeps the garbage collector busy. */
public final class GcStressProbe {
    private GcStressProbe() {
    }

    public static void main(String[] args) throws Exception {
        Thread gc = new Thread(() -> {
            while (true) {
                System.gc();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        gc.setDaemon(true);
        gc.start();
        Rng rng = new Rng(1);
        int bad = 0;
        int runs = Integer.parseInt(args[0]);
        for (int run = 0; run < runs; run++) {
            List<Module> layers = new ArrayList<>();
            layers.add(new Linear(3, 16, rng));
            layers.add(Activation.SILU);
            layers.add(new Linear(16, 8, rng));
            layers.add(Activation.TANH);
            layers.add(new Linear(8, 2, rng));
            Sequential net = new Sequential(layers);
            INDArray xs = rng.normal(50, 3).dup('f');
            INDArray w = rng.normal(50, 2);
            double[] results = new double[2];
            for (int fused = 0; fused < 2; fused++) {
                Tensor x = Tensor.variable(xs);
                Tensor y = fused == 0 ? net.forward(x) : unfused(net, x);
                Tensor g = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, new Tensor[] {Tensor.constant(w)}, true)[0];
                Tensor loss = g.square().sum();
                Tensor[] grads = Autograd.grad(new Tensor[] {loss}, net.parameters().toArray(Tensor[]::new), null, false, true);
                double s = 0;
                for (Tensor t : grads) {
                    s += t.value().norm2Number().doubleValue();
                }
                results[fused] = s;
            }
            if (Math.abs(results[0] - results[1]) > 1e-10 * Math.abs(results[1])) {
                bad++;
            }
        }
        System.out.println("runs " + runs + ", mismatches " + bad);
    }

    private static Tensor unfused(Sequential net, Tensor x) {
        Tensor h = x;
        for (Module m : net.layers()) {
            h = m.forward(h);
        }
        return h;
    }
}
