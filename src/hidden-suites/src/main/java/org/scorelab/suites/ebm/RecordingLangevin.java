package org.scorelab.suites.ebm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.api.LangevinSampler;
import org.scorelab.ebm.api.ScoreField;
import org.scorelab.random.Rng;

/**
 * The suites' sampler ({@link SuiteLangevin}), recording the chains a training loop asks it for: the start points of
 * the most recent calls (up to {@code rows} rows) and the last call's step size and number of steps. After training,
 * {@link #rerun} draws the trained model's samples as the loop drew its own (fresh chains from the same kind of start
 * points, or a persistent buffer's states, continued for the same steps with the final model): the samples the sheet's
 * Task 1.4 asks students to plot.
 */
final class RecordingLangevin implements LangevinSampler {
    private final SuiteLangevin langevin = new SuiteLangevin();
    private final Deque<INDArray> starts = new ArrayDeque<>();
    private final long rows;
    private long kept;
    private double stepSize;
    private int steps;

    RecordingLangevin(long rows) {
        this.rows = rows;
    }

    @Override
    public ScoreField scoreOf(EnergyModel energy) {
        return langevin.scoreOf(energy);
    }

    @Override
    public INDArray sample(ScoreField score, INDArray start, double stepSize, int steps, Rng rng) {
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            starts.addLast(start.dup('c')); // a copy: the loop may update its start points (a buffer) in place
        }
        kept += start.size(0);
        while (kept - starts.peekFirst().size(0) >= rows) {
            kept -= starts.removeFirst().size(0);
        }
        this.stepSize = stepSize;
        this.steps = steps;
        return langevin.sample(score, start, stepSize, steps, rng);
    }

    /** Whether the loop called {@link #sample} at all. */
    boolean called() {
        return !starts.isEmpty();
    }

    /**
     * {@code n} samples of {@code energy}: the recorded start points, the most recent first (cycled if the loop asked for
     * fewer than n), continued for the last call's steps of its step size.
     */
    INDArray rerun(EnergyModel energy, int n, Rng rng) {
        List<INDArray> picked = new ArrayList<>();
        long total = 0;
        while (total < n) {
            for (var it = starts.descendingIterator(); it.hasNext() && total < n; ) {
                INDArray s = it.next();
                picked.add(s);
                total += s.size(0);
            }
        }
        INDArray start = Nd4j.vstack(picked.toArray(INDArray[]::new)).get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup('c');
        return langevin.sample(langevin.scoreOf(energy), start, stepSize, steps, rng);
    }
}
