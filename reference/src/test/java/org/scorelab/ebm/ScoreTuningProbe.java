package org.scorelab.ebm;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.data.Gaussian;
import org.scorelab.data.ToyData;
import org.scorelab.diagnostics.Mmd;
import org.scorelab.ebm.api.ScoreField;
import org.scorelab.ebm.models.MlpScore;
import org.scorelab.nn.Activation;
import org.scorelab.nn.Mlp;
import org.scorelab.optim.Adam;
import org.scorelab.optim.TrainingLoop;
import org.scorelab.random.Rng;

/**
 * Tries settings of score-matching training on rings (a harness for choosing the reference's constants). Args: method
 * (dsm|ism), sigma, learning rate, width, iterations, batch.
 */
public final class ScoreTuningProbe {
    private ScoreTuningProbe() {
    }

    public static void main(String[] args) {
        String method = args[0];
        double sigma = Double.parseDouble(args[1]);
        double lr = Double.parseDouble(args[2]);
        int width = Integer.parseInt(args[3]);
        int iterations = Integer.parseInt(args[4]);
        int batch = Integer.parseInt(args[5]);
        Rng rng = new Rng(0);
        ToyData set = args.length > 6 ? ToyData.byId(args[6]) : ToyData.RINGS;
        INDArray data = set.sample(10_000, rng);
        MlpScore model = new MlpScore(Mlp.input(2).hidden(width, width).activation(Activation.SILU).output(2).build(rng));
        Adam adam = new Adam(model.parameters(), lr);
        DenoisingScoreMatchingTraining dsm = new DenoisingScoreMatchingTraining();
        ImplicitScoreMatchingTraining ism = new ImplicitScoreMatchingTraining();
        long start = System.nanoTime();
        double[] losses = TrainingLoop.minimise(adam, iterations, k -> {
            adam.setLearningRate(lr * (1 - 0.9 * k / iterations));
            INDArray x = rng.rows(data, batch);
            return method.equals("dsm") ? dsm.loss(model, x, x.add(rng.normal(batch, 2).muli(sigma)), sigma) : ism.loss(model, x);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        INDArray fresh = set.sample(2000, rng);
        Gaussian fitted = Gaussian.fittedTo(fresh, 1.0);
        INDArray samples = new Langevin().sample(ScoreField.of(model), fitted.sample(2000, rng), 1e-3, 1000, rng);
        double first = java.util.Arrays.stream(losses, 0, 100).average().orElseThrow();
        double last = java.util.Arrays.stream(losses, iterations - 100, iterations).average().orElseThrow();
        System.out.println("sample mean radius " + samples.norm2(1).meanNumber() + ", data " + fresh.norm2(1).meanNumber()
            + "; radius std " + samples.norm2(1).stdNumber() + ", data " + fresh.norm2(1).stdNumber());
        System.out.println(String.format(Locale.ROOT, "%s sigma %.2f lr %.0e width %d it %d batch %d: %.1f s, loss %.3f -> %.3f, MMD %.4f (gauss %.4f)",
            method, sigma, lr, width, iterations, batch, seconds, first, last, Mmd.squared(samples, fresh, 0.2),
            Mmd.squared(fitted.sample(2000, rng), fresh, 0.2)));
    }
}
