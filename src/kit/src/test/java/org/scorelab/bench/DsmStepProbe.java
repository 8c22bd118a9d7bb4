package org.scorelab.bench;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Scratch;
import org.scorelab.autograd.Tensor;
import org.scorelab.nn.Activation;
import org.scorelab.nn.Mlp;
import org.scorelab.nn.Sequential;
import org.scorelab.random.Rng;

public class DsmStepProbe {
    public static void main(String[] args) {
        int batch = Integer.parseInt(args[0]);
        boolean scratch = args.length < 2 || !args[1].equals("noscratch");
        Rng rng = new Rng(0);
        Sequential net = Mlp.input(3).hidden(64, 64).activation(Activation.ELU).output(1).build(rng);
        INDArray x = rng.normal(batch, 2).mul(0.1);
        INDArray s = rng.uniform(0.01, 1, batch, 1);
        INDArray z = rng.normal(batch, 2);
        Runnable step = () -> {
            Tensor xt = Tensor.variable(x.add(z.mulColumnVector(s)));
            Tensor sig = Tensor.constant(s);
            Tensor f = net.forward(Tensor.concat(1, xt, sig));
            Tensor score = Autograd.grad(f.sum(), xt, true).neg();
            Tensor target = Tensor.constant(z.neg().divColumnVector(s));
            Tensor loss = score.sub(target).square().sum(1, true).mul(sig.square()).mean();
            net.parameters().forEach(Tensor::zeroGrad);
            loss.backward();
            loss.item();
        };
        Runnable run = scratch ? () -> Scratch.computeDouble(() -> { step.run(); return 0; }) : step;
        for (int i = 0; i < 20; i++) run.run();
        int reps = 100;
        long t = System.nanoTime();
        for (int i = 0; i < reps; i++) run.run();
        System.out.printf("batch %d scratch=%b: %.2f ms/step%n", batch, scratch, (System.nanoTime() - t) / 1e6 / reps);
    }
}
