package org.scorelab.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.data.PointDistribution;
import org.scorelab.random.Rng;

/**
 * Task 1.3 (sampling): unadjusted Langevin dynamics, the sheet's {@code sample(...)}.
 *
 * <p>For an energy model: x_{k+1} = x_k - (tau / 2) grad_x f(x_k) + sqrt(tau) z_k, z_k ~ N(0, I); written with the
 * score s = -grad_x f, x_{k+1} = x_k + (tau / 2) s(x_k) + sqrt(tau) z_k.
 */
public interface LangevinSampler {
    /**
     * The score of an energy model: x -> -grad_x f(x) (minus the gradient: p ~ exp(-f)).
     *
     * @param energy the energy f
     * @return its score field; each call evaluates grad_x f at the given points
     */
    ScoreField scoreOf(EnergyModel energy);

    /**
     * Runs {@code steps} Langevin steps from {@code start}.
     *
     * @param score the score to follow
     * @param start initial points, shape [n, 2] (not modified)
     * @param stepSize tau, positive
     * @param steps the number of steps K, at least 0 (0 returns a copy of start)
     * @param rng the generator of the noise z_k
     * @return x_K, shape [n, 2]
     */
    INDArray sample(ScoreField score, INDArray start, double stepSize, int steps, Rng rng);

    /**
     * Draws {@code n} points from {@code start} and runs {@code steps} Langevin steps on the energy's score.
     */
    default INDArray sample(EnergyModel energy, PointDistribution start, int n, double stepSize, int steps, Rng rng) {
        return sample(scoreOf(energy), start.sample(n, rng), stepSize, steps, rng);
    }
}
