package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.dsm.api.PerturbedMixtureScores;

/**
 * Task 3.4: the mixture perturbed by N(0, sigma^2 I) is again a mixture, with each covariance v_k I widened to
 * (v_k + sigma^2) I (sheet, Task 3.4).
 */
public final class AnalyticScores implements PerturbedMixtureScores {
    private final MixtureSpec spec;

    public AnalyticScores(MixtureSpec spec) {
        this.spec = spec;
    }

    @Override
    public MixtureSpec spec() {
        return spec;
    }

    /** TODO Task 3.4: log p_sigma(x) for each point: points [n, 2] -> [n]. */
    @Override
    public INDArray logDensity(INDArray x, double sigma) {
        throw new NotImplemented("3.4");
    }

    /** TODO Task 3.4: p_sigma(x) for each point: points [n, 2] -> [n]. */
    @Override
    public INDArray density(INDArray x, double sigma) {
        throw new NotImplemented("3.4");
    }

    /**
     * TODO Task 3.4: the score grad_x log p_sigma(x), worked out by hand from the density: points [n, 2] -> [n, 2].
     * Keep it finite far from the data.
     */
    @Override
    public INDArray scoreOf(INDArray x, double sigma) {
        throw new NotImplemented("3.4");
    }
}
