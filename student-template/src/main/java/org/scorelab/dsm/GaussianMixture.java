package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.dsm.api.MixtureData;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.random.Rng;

/** Task 1.1: the data set, S points of a Gaussian mixture with isotropic components, and its density, eq. (1). */
public final class GaussianMixture implements MixtureData {
    private final MixtureSpec spec;

    public GaussianMixture(MixtureSpec spec) {
        this.spec = spec;
    }

    @Override
    public MixtureSpec spec() {
        return spec;
    }

    /**
     * TODO Task 1.1: draw n points of the mixture {@code spec}: component k must contribute a fraction pi_k of the
     * points (exactly, or by drawing each point's component with probabilities pi_k). A point of component k is
     * mu_k + sqrt(v_k) z with z standard normal in each coordinate. Use only {@code rng} for randomness.
     *
     * @return points, shape [n, 2]
     */
    @Override
    public INDArray sample(int n, Rng rng) {
        throw new NotImplemented("1.1");
    }

    /**
     * TODO Task 1.1: log p(x) = log sum_k pi_k N(x | mu_k, v_k I) for each point. Far from all means every term
     * underflows; the log-sum-exp trick keeps the result finite.
     *
     * @param x points, shape [n, 2]
     * @return shape [n]
     */
    @Override
    public INDArray logDensity(INDArray x) {
        throw new NotImplemented("1.1");
    }

    /** TODO Task 1.1: p(x) for each point, shape [n]. */
    @Override
    public INDArray density(INDArray x) {
        throw new NotImplemented("1.1");
    }
}
