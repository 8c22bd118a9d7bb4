package org.scorelab.ebm.models;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.data.PointDistribution;
import org.scorelab.random.Rng;

/**
 * Persistent Langevin chains for maximum likelihood training (Du and Mordatch 2019): each iteration continues a few
 * steps from states stored here, and a small fraction restarts from the start distribution. Kept as plain doubles:
 * a batch is a few hundred points, and the arrays of a training step live in a scratch scope that ends with it.
 */
public final class ReplayBuffer {
    private final double[] states;
    private final PointDistribution start;
    private final double restart;
    private final Rng rng;
    private int[] drawn = new int[0];

    /**
     * @param start where chains start, and restart
     * @param size the number of stored chains
     * @param restart the fraction of drawn chains replaced by fresh starts
     * @param rng the generator of draws and restarts
     */
    public ReplayBuffer(PointDistribution start, int size, double restart, Rng rng) {
        this.states = start.sample(size, rng).dup('c').data().asDouble();
        this.start = start;
        this.restart = restart;
        this.rng = rng;
    }

    /** {@code count} stored states chosen at random, a fraction {@code restart} of them replaced by fresh starts. */
    public INDArray draw(int count) {
        drawn = rng.integers(count, states.length / 2);
        double[] fresh = start.sample(count, rng).dup('c').data().asDouble();
        double[] chosen = new double[2 * count];
        for (int i = 0; i < count; i++) {
            boolean restarts = rng.nextDouble() < restart;
            chosen[2 * i] = restarts ? fresh[2 * i] : states[2 * drawn[i]];
            chosen[2 * i + 1] = restarts ? fresh[2 * i + 1] : states[2 * drawn[i] + 1];
        }
        return Nd4j.create(chosen, new long[] {count, 2}, DataType.DOUBLE);
    }

    /** Writes the continued chains of the last {@link #draw} back in place of the states drawn. */
    public void store(INDArray continued) {
        double[] values = continued.dup('c').data().asDouble();
        for (int i = 0; i < drawn.length; i++) {
            states[2 * drawn[i]] = values[2 * i];
            states[2 * drawn[i] + 1] = values[2 * i + 1];
        }
    }
}
