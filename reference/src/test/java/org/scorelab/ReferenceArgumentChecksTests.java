package org.scorelab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;
import org.scorelab.data.Gaussian;
import org.scorelab.dsm.AnalyticScores;
import org.scorelab.dsm.AnnealedLangevin;
import org.scorelab.dsm.DenoisingScoreMatching;
import org.scorelab.dsm.EnergyNetwork;
import org.scorelab.dsm.GaussianMixture;
import org.scorelab.dsm.NoiseSchedule;
import org.scorelab.dsm.Sampling;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.ebm.DenoisingScoreMatchingTraining;
import org.scorelab.ebm.Langevin;
import org.scorelab.ebm.NoiseContrastiveEstimation;
import org.scorelab.ebm.models.MlpEnergy;
import org.scorelab.ebm.models.MlpScore;
import org.scorelab.random.Rng;

/**
 * The reference's own argument checks: bad input gets an IllegalArgumentException (or IllegalStateException for a score
 * of the wrong shape) that names the task, and the smallest valid input is accepted. The suites cannot ask this of a
 * student (the sheets do not require argument checks), so mutation testing found these lines unkilled by them
 * (docs/mutation.md); these tests are the reference's, run in CI and in the PIT profile.
 */
class ReferenceArgumentChecksTests {
    private static final Rng RNG = new Rng(7);

    private static INDArray points(int n) {
        return RNG.uniform(0, 1, n, 2);
    }

    private static INDArray column(double... values) {
        return Nd4j.createFromArray(values).reshape(values.length, 1);
    }

    @Test
    void mixtureSamplesAtLeastOnePoint() {
        GaussianMixture mixture = new GaussianMixture(MixtureSpec.SHEET);
        assertThat(mixture.sample(1, new Rng(1)).shape()).containsExactly(1, 2);
        assertThatThrownBy(() -> mixture.sample(0, new Rng(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Task 1.1");
    }

    @Test
    void analyticScoresNeedAFiniteNonNegativeSigma() {
        AnalyticScores scores = new AnalyticScores(MixtureSpec.SHEET);
        assertThat(scores.scoreOf(points(3), 0).shape()).containsExactly(3, 2);
        for (double sigma : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> scores.scoreOf(points(3), sigma)).as("sigma = %s", sigma)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Task 3.4");
        }
    }

    @Test
    void perturbationAndLossNeedOnePositiveLevelPerPoint() {
        INDArray x = points(3);
        NoiseSchedule schedule = new NoiseSchedule();
        DenoisingScoreMatching objective = new DenoisingScoreMatching();
        EnergyNetwork network = new EnergyNetwork(new Rng(2));
        assertThat(schedule.perturb(x, column(0.1, 0.2, 0.3), RNG).shape()).containsExactly(3, 2);
        INDArray[] wrong = {null, Nd4j.createFromArray(0.1, 0.2, 0.3), Nd4j.ones(3, 2), column(0.1, 0.2), column(0.1, 0, 0.3),
            column(0.1, -0.2, 0.3)};
        for (INDArray sigmas : wrong) {
            assertThatThrownBy(() -> schedule.perturb(x, sigmas, RNG)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Task 3.1");
            assertThatThrownBy(() -> objective.loss(network, x, x, sigmas)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Task 3.3");
        }
        assertThatThrownBy(() -> objective.loss(network, x, points(4), column(0.1, 0.2, 0.3)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same number of points");
    }

    @Test
    void annealedLangevinNeedsLevelsAPositiveStepAndOneStepPerLevel() {
        AnnealedLangevin sampler = new AnnealedLangevin();
        double[] levels = {0.1, 0.5};
        assertThat(sampler.sample((x, s) -> x.neg(), points(2), levels, 1e-3, 1, RNG).shape()).containsExactly(2, 2);
        assertThatThrownBy(() -> sampler.sample((x, s) -> x.neg(), points(2), new double[0], 1e-3, 1, RNG))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Task 4.1");
        assertThatThrownBy(() -> sampler.sample((x, s) -> x.neg(), points(2), levels, 0, 1, RNG))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Task 4.1");
        assertThatThrownBy(() -> sampler.sample((x, s) -> x.neg(), points(2), levels, 1e-3, 0, RNG))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Task 4.1");
        assertThatThrownBy(() -> sampler.sample((x, s) -> null, points(2), levels, 1e-3, 1, RNG))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("got null");
        assertThatThrownBy(() -> sampler.sample((x, s) -> Nd4j.zeros(3, 2), points(2), levels, 1e-3, 1, RNG))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("the shape of x");
    }

    @Test
    void generationNeedsAtLeastOnePoint() {
        Sampling sampling = new Sampling();
        EnergyNetwork network = new EnergyNetwork(new Rng(3));
        assertThat(sampling.generate(network, new double[] {0.1, 0.5}, 1, new Rng(4)).shape()).containsExactly(1, 2);
        assertThatThrownBy(() -> sampling.generate(network, new double[] {0.1, 0.5}, 0, new Rng(4)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Task 4.2");
    }

    @Test
    void langevinTakesZeroStepsOrMoreButNotFewer() {
        Langevin sampler = new Langevin();
        INDArray start = points(2);
        assertThat(sampler.sample(x -> x.neg(), start, 0.1, 0, RNG)).isEqualTo(start);
        assertThatThrownBy(() -> sampler.sample(x -> x.neg(), start, 0.1, -1, RNG))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Task 1.3");
    }

    @Test
    void ebmLossesNeedMatchingPointCounts() {
        assertThatThrownBy(() -> new DenoisingScoreMatchingTraining().loss(MlpScore.create(new Rng(5)), points(3), points(4), 0.1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Task 3.2.2");
        assertThatThrownBy(() -> new NoiseContrastiveEstimation().loss(MlpEnergy.create(new Rng(6)), Tensor.variable(Nd4j.scalar(0.0)),
            points(3), points(4), Gaussian.isotropic(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Task 2.2");
    }
}
