package org.scorelab.dsm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.dsm.api.LangevinSampler;
import org.scorelab.dsm.api.ScoreFunction;
import org.scorelab.random.Rng;

/**
 * Task 4.1: annealed Langevin sampling, Algorithm 1 of the sheet.
 *
 * <p>Step size 5e-5 at the smallest level and 150 steps per level. The biggest step (largest sigma) is then 0.08.
 */
public final class AnnealedLangevin implements LangevinSampler
{
    @Override
    public INDArray sample(ScoreFunction score, INDArray start, double[] levels, double epsilon, int stepsPerLevel, Rng rng)
    {
        INDArray x = start.dup();
        int n = (int) x.size(0);
        double smallest = levels[0];
        for (int i = levels.length - 1; i >= 0; i--)
        {
            double sigma = levels[i];
            double alpha = epsilon * (sigma * sigma) / (smallest * smallest);
            for (int t = 1; t <= stepsPerLevel; t++)
            {
                INDArray grad = score.scoreOf(x, sigma);
                INDArray z = rng.normal(n, 2);
                x = x.add(grad.mul(alpha / 2.0)).add(z.mul(Math.sqrt(alpha)));
            }
        }
        return x;
    }

    @Override
    public int stepsPerLevel()
    {
        return 150;
    }

    @Override
    public double epsilon()
    {
        return 5e-5;
    }
}
