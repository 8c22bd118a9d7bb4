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
        return x -> minusGradient(energy, x);
    }

    private static INDArray minusGradient(EnergyModel energy, INDArray x) {
        Tensor leaf = Tensor.variable(x);
        Tensor sumOfEnergies = energy.energy(leaf).sum();
        return Autograd.grad(sumOfEnergies, leaf, false).value().neg();
    }

    @Override
    public INDArray sample(ScoreField score, INDArray start, double stepSize, int steps, Rng rng) {
        INDArray points = start.dup();
        long n = points.size(0);
        double noiseScale = Math.sqrt(stepSize);
        for (int step = 0; step < steps; step++) {
            INDArray drift = score.scoreAt(points).mul(stepSize / 2);
            INDArray diffusion = rng.normal(n, 2).mul(noiseScale);
            points = points.add(drift).add(diffusion);
        }
        return points;
    }
}
