package org.scorelab.suites.ebm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Scratch;
import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.api.LangevinSampler;
import org.scorelab.ebm.api.ScoreField;
import org.scorelab.random.Rng;

/**
 * The suites' own unadjusted Langevin sampler, so that the training checks of tasks 1.3 (loss and loop), 2.2, 3.1.1
 * and 3.2.2 do not depend on the student's sampler: a sampler bug costs only the sampler's points.
 */
final class SuiteLangevin implements LangevinSampler {
    @Override
    public ScoreField scoreOf(EnergyModel energy) {
        return x -> {
            Tensor point = Tensor.variable(x);
            return Autograd.grad(energy.energy(point).sum(), point, false).value().neg();
        };
    }

    @Override
    public INDArray sample(ScoreField score, INDArray start, double stepSize, int steps, Rng rng) {
        INDArray x = start.dup();
        long n = x.size(0);
        for (int k = 0; k < steps; k++) {
            Scratch.computeDouble(() -> {
                INDArray drift = score.scoreAt(x).muli(0.5 * stepSize);
                x.addi(drift).addi(rng.normal(n, 2).muli(Math.sqrt(stepSize)));
                return 0;
            });
        }
        return x;
    }
}
