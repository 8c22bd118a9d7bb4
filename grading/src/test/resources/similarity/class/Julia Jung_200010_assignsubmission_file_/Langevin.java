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
    public INDArray sample(ScoreField score, INDArray start, double stepSize, int steps, Rng rng) {
        INDArray cur = start.dup();
        long rows = cur.size(0);
        double sd = Math.sqrt(stepSize);
        int done = 0;
        for (int it = 0; it < steps; it++) {
            INDArray move = score.scoreAt(cur).mul(stepSize / 2);
            INDArray kick = rng.normal(rows, 2).mul(sd);
            cur = cur.add(move).add(kick);
            done++;
        }
        return cur;
    }

    // s(x) = -df/dx: gradient of the sum of the energies (each point only depends on itself)
    private static INDArray negGrad(EnergyModel f, INDArray x) {
        Tensor in = Tensor.variable(x);
        Tensor e = f.energy(in).sum();
        return Autograd.grad(e, in, false).value().neg();
    }

    @Override
    public ScoreField scoreOf(EnergyModel energy) { return x -> negGrad(energy, x); }
}
