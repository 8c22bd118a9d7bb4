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
        return new ScoreField() {
            @Override
            public INDArray scoreAt(INDArray points) {
                Tensor p = Tensor.variable(points);
                Tensor dfdx = Autograd.grad(energy.energy(p).sum(), p, false);
                return dfdx.value().neg();
            }
        };
    }

    @Override
    public INDArray sample(ScoreField score, INDArray start, double stepSize, int steps, Rng rng) {
        INDArray current = start.dup();
        for (int i = 0; i < steps; i++) {
            current = step(score, current, stepSize, rng);
        }
        return current;
    }

    private static INDArray step(ScoreField score, INDArray x, double tau, Rng rng) {
        INDArray z = rng.normal(x.rows(), 2);
        return x.add(score.scoreAt(x).mul(tau / 2)).add(z.mul(Math.sqrt(tau)));
    }
}
