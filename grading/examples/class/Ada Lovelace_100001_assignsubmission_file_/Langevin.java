package org.scorelab.ebm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.Inputs;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Scratch;
import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.api.LangevinSampler;
import org.scorelab.ebm.api.ScoreField;
import org.scorelab.random.Rng;

/**
 * Task 1.3 (sampling): unadjusted Langevin dynamics, x_{k+1} = x_k + (tau / 2) s(x_k) + sqrt(tau) z_k with the score
 * s = -grad_x f of the energy.
 */
public final class Langevin implements LangevinSampler {
    @Override
    public ScoreField scoreOf(EnergyModel energy) {
        return x -> {
            Inputs.points("1.3", "x", x);
            Tensor point = Tensor.variable(x);
            return Autograd.grad(energy.energy(point).sum(), point, false).value().neg();
        };
    }

    @Override
    public INDArray sample(ScoreField score, INDArray start, double stepSize, int steps, Rng rng) {
        int n = Inputs.points("1.3", "start", start);
        Inputs.positive("1.3", "stepSize", stepSize);
        if (steps < 0) {
            throw new IllegalArgumentException("Task 1.3: steps must be at least 0, got " + steps);
        }
        INDArray x = start.dup();
        double noiseScale = Math.sqrt(stepSize);
        for (int k = 0; k < steps; k++) {
            Scratch.computeDouble(() -> { // x lives outside the scope and is updated in place
                x.addi(score.scoreAt(x).muli(stepSize / 2)).addi(rng.normal(n, 2).muli(noiseScale));
                return 0;
            });
        }
        return x;
    }
}
