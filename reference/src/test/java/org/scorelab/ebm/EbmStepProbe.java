package org.scorelab.ebm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;
import org.scorelab.data.Gaussian;
import org.scorelab.data.ToyData;
import org.scorelab.ebm.api.ScoreField;
import org.scorelab.ebm.models.MlpEnergy;
import org.scorelab.ebm.models.MlpScore;
import org.scorelab.optim.Adam;
import org.scorelab.random.Rng;

/**
 * Times one step of each part of the ebm reference (a harness, not a test): a Langevin step on the energy's score,
 * and one training iteration of each method. Run:
 * {@code mvn -q -pl reference exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.scorelab.ebm.EbmStepProbe}.
 */
public final class EbmStepProbe {
    private EbmStepProbe() {
    }

    public static void main(String[] args) {
        Rng rng = new Rng(0);
        INDArray rings = ToyData.RINGS.sample(10_000, rng);
        MlpEnergy energy = MlpEnergy.create(rng);
        MlpScore score = MlpScore.create(rng);
        Langevin langevin = new Langevin();
        for (int n : new int[] {256, 1000}) {
            INDArray x = rng.rows(rings, n);
            ScoreField field = langevin.scoreOf(energy);
            time("Langevin step on an MLP energy, n = " + n, 200, () -> langevin.sample(field, x, 1e-3, 1, rng));
            time("Langevin step on an MLP score, n = " + n, 200, () -> langevin.sample(ScoreField.of(score), x, 1e-3, 1, rng));
        }
        List<Tensor> withC = new ArrayList<>(energy.parameters());
        Adam scoreAdam = new Adam(score.parameters(), 1e-3);
        MaximumLikelihoodTraining ml = new MaximumLikelihoodTraining();
        NoiseContrastiveEstimation nce = new NoiseContrastiveEstimation();
        ImplicitScoreMatchingTraining ism = new ImplicitScoreMatchingTraining();
        DenoisingScoreMatchingTraining dsm = new DenoisingScoreMatchingTraining();
        Tensor c = Tensor.variable(Nd4j.zeros(DataType.DOUBLE, 1, 1));
        Gaussian q = Gaussian.fittedTo(rings, 1.5);
        withC.add(c);
        Adam energyAdam = new Adam(withC, 1e-3); // c too: a variable outside the optimizer keeps a stale gradient
        for (int n : new int[] {256, 1000}) {
            INDArray x = rng.rows(rings, n);
            INDArray y = x.add(rng.normal(n, 2).muli(0.1));
            time("ML loss step (samples given), n = " + n, 200, () -> energyAdam.step(() -> ml.loss(energy, x, y)));
            time("NCE step, n = " + n, 200, () -> energyAdam.step(() -> nce.loss(energy, c, x, y, q)));
            time("ISM step, n = " + n, 200, () -> scoreAdam.step(() -> ism.loss(score, x)));
            time("DSM step, n = " + n, 200, () -> scoreAdam.step(() -> dsm.loss(score, x, y, 0.1)));
        }
    }

    private static void time(String what, int repeats, Runnable body) {
        for (int i = 0; i < 20; i++) {
            body.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            body.run();
        }
        System.out.println(String.format(Locale.ROOT, "%-45s %8.3f ms", what, (System.nanoTime() - start) / 1e6 / repeats));
    }
}
