package org.scorelab.ebm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.api.LangevinSampler;
import org.scorelab.ebm.api.ScoreField;
import org.scorelab.random.Rng;

/**
 * Task 1.3 (sampling): unadjusted Langevin dynamics, x_{k+1} = x_k + (tau / 2) s(x_k) + sqrt(tau) z_k with the score
 * s = -grad_x f of the energy and fresh z_k ~ N(0, I) at every step.
 */
public final class Langevin implements LangevinSampler {

    /**
     * TODO Task 1.3: return the field x -> -grad_x f(x). Make x a {@code Tensor.variable(x)}, and differentiate the SUM
     * of the energies with {@code Autograd.grad(f.sum(), x, false)} (each point's energy depends only on its own
     * coordinates, so the gradient of the sum holds every point's gradient). Use Autograd.grad, not backward():
     * backward() would also leave gradients in the model's parameters.
     */
    @Override
    public ScoreField scoreOf(EnergyModel energy) {
        throw new NotImplemented("1.3");
    }

    /**
     * TODO Task 1.3: run {@code steps} steps from a COPY of start (do not modify the caller's points), evaluating the
     * score once per step on all points, and drawing the noise with {@code rng.normal(n, 2)}.
     *
     * @param start initial points, shape [n, 2]
     * @return the points after the last step, shape [n, 2]
     */
    @Override
    public INDArray sample(ScoreField score, INDArray start, double stepSize, int steps, Rng rng) {
        throw new NotImplemented("1.3");
    }
}
