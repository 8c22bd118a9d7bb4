package org.scorelab.ebm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.autograd.Autograd;
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

    @Override
    public ScoreField scoreOf(EnergyModel energy) {
        return x -> {
            Tensor input = Tensor.variable(x);
            Tensor total = energy.energy(input).sum();
            Tensor gradient = Autograd.grad(total, input, false);
            return gradient.value().mul(-1.0);
        };
    }

    @Override
    public INDArray sample(ScoreField score, INDArray start, double stepSize, int steps, Rng rng) {
        INDArray x = start.dup();
        int n = (int) x.size(0);
        for (int k = 0; k < steps; k++) {
            INDArray drift = score.scoreAt(x).mul(stepSize / 2);
            INDArray noise = rng.normal(n, 2).mul(Math.sqrt(stepSize));
            x = x.add(drift).add(noise);
        }
        return x;
    }
}
