package org.scorelab.suites.ebm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.api.LangevinSampler;
import org.scorelab.ebm.api.ScoreField;
import org.scorelab.random.Rng;

/**
 * Instruments that watch a student's training loop for a few iterations: what its model is evaluated at, and how
 * its parameters move at the first update. They end the loop by throwing {@link Models.Watched.Stop}.
 */
final class Spies {
    private Spies() {
    }

    /**
     * Wraps an energy; records the rows of every evaluation, and the values of {@code watched} (the parameters, and c
     * for NCE) at the first evaluation after they changed, i.e. after the first update. Stops the loop at the
     * evaluation that sees the {@code updates}-th update, or after {@code limit} evaluations.
     */
    static final class WatchedEnergy implements EnergyModel {
        private final EnergyModel inner;
        private final List<Tensor> watched;
        private final int updates;
        private final int limit;
        private double[][] last;
        final double[][] initial;
        /** The values of the watched tensors after the first update; null if there was none. */
        double[][] afterFirstUpdate;
        /** Rows of the evaluations before the first update, and of all evaluations. */
        final List<double[]> beforeUpdate = new ArrayList<>();
        final List<double[]> all = new ArrayList<>();
        int updatesSeen;
        /** If set, the index of a watched tensor whose staying unchanged at the first update ends the watch at once. */
        int stopIfUnchanged = -1;

        WatchedEnergy(EnergyModel inner, List<Tensor> watched, int updates, int limit) {
            this.inner = inner;
            this.watched = watched;
            this.updates = updates;
            this.limit = limit;
            this.initial = values(watched);
            this.last = initial;
        }

        @Override
        public Tensor energy(Tensor x) {
            double[][] now = values(watched);
            if (!java.util.Arrays.deepEquals(now, last)) {
                updatesSeen++;
                afterFirstUpdate = afterFirstUpdate == null ? now : afterFirstUpdate;
                last = now;
                boolean stuck = updatesSeen == 1 && stopIfUnchanged >= 0
                    && java.util.Arrays.equals(now[stopIfUnchanged], initial[stopIfUnchanged]);
                if (updatesSeen >= updates || stuck) {
                    throw new Models.Watched.Stop();
                }
            }
            if (all.size() >= limit) {
                throw new Models.Watched.Stop();
            }
            double[] rows = x.value().dup('c').data().asDouble();
            all.add(rows);
            if (updatesSeen == 0) {
                beforeUpdate.add(rows);
            }
            return inner.energy(x);
        }

        @Override
        public List<Tensor> parameters() {
            return inner.parameters();
        }

        private static double[][] values(List<Tensor> tensors) {
            double[][] v = new double[tensors.size()][];
            for (int i = 0; i < v.length; i++) {
                v[i] = tensors.get(i).value().dup('c').data().asDouble();
            }
            return v;
        }
    }

    /**
     * A sampler that follows no score: whatever the start, it returns as many points drawn from N(centre, sd^2 I), a
     * law the loop cannot produce any other way; it keeps every output. Its scoreOf field is zero.
     */
    static final class DistinctiveSampler implements LangevinSampler {
        private final double[] centre;
        private final double sd;
        private final Rng rng;
        final List<double[]> outputs = new ArrayList<>();

        DistinctiveSampler(double[] centre, double sd, long seed) {
            this.centre = centre.clone();
            this.sd = sd;
            this.rng = new Rng(seed);
        }

        @Override
        public ScoreField scoreOf(EnergyModel energy) {
            return x -> Nd4j.zerosLike(x);
        }

        @Override
        public INDArray sample(ScoreField score, INDArray start, double stepSize, int steps, Rng ignored) {
            INDArray out = rng.normal(start.size(0), 2).muli(sd);
            out.getColumn(0).addi(centre[0]);
            out.getColumn(1).addi(centre[1]);
            outputs.add(out.dup('c').data().asDouble());
            return out;
        }
    }

    /** The rows of row-major [n, 2] arrays, as exact keys. */
    static Set<Row> rows(List<double[]> arrays) {
        Set<Row> out = new HashSet<>();
        for (double[] a : arrays) {
            for (int i = 0; i + 1 < a.length; i += 2) {
                out.add(new Row(a[i], a[i + 1]));
            }
        }
        return out;
    }

    /** One point, compared exactly (bit for bit, as a student's loop passes it on unchanged). */
    record Row(double x, double y) {
    }
}
