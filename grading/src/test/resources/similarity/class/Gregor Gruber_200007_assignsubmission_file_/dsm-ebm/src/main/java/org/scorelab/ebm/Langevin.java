package org.scorelab.ebm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Scratch;
import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.api.LangevinSampler;
import org.scorelab.ebm.api.ScoreField;
import org.scorelab.random.Rng;

/**
 * Task 1.3 (sampling): unadjusted Langevin dynamics, x_{k+1} = x_k + (tau / 2) s(x_k) + sqrt(tau) z_k with the score
 * s = -grad_x f of the energy and fresh z_k ~ N(0, I) at every step.
 */
public final class Langevin implements LangevinSampler {

    // the Langevin chain itself
    @Override
    public INDArray sample(ScoreField score, INDArray start, double stepSize, int steps, Rng rng) {
        INDArray chain = start.dup('c');
        double half = 0.5 * stepSize, root = Math.sqrt(stepSize);
        int k = 0;
        while (k < steps) {
            INDArray s = score.scoreAt(chain);
            chain.addi(s.mul(half)).addi(rng.normal(chain.size(0), 2).muli(root));
            k++;
        }
        return chain;
    }

    // score = minus the gradient of the energy w.r.t. the input
    @Override
    public ScoreField scoreOf(EnergyModel energy) {
        return x -> Scratch.compute(() -> {
            Tensor v = Tensor.variable(x);
            return Autograd.grad(energy.energy(v).sum(), v, false).neg().value();
        });
    }
}
