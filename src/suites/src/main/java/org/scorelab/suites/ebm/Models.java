package org.scorelab.suites.ebm;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;
import org.scorelab.ebm.api.EnergyModel;
import org.scorelab.ebm.api.ScoreField;
import org.scorelab.ebm.api.ScoreModel;

/** Models with known energies, scores and normalisers, written for the checks (not the reference's). */
final class Models {
    private Models() {
    }

    /**
     * f(x) = 1/2 sum_a p_a (x_a - m_a)^2 + b: the energy of N(m, diag(1/p)) shifted by b. All three are learnable.
     * Its score is -p (x - m); its normaliser z = 2 pi exp(-b) / sqrt(p_1 p_2), so log(1/z) = b - log(2 pi) + 1/2
     * log(p_1 p_2).
     */
    static final class Quadratic implements EnergyModel {
        final Tensor m;
        final Tensor p;
        final Tensor b;

        Quadratic(double m1, double m2, double p1, double p2, double b) {
            this.m = Tensor.variable(Nd4j.createFromArray(new double[][] {{m1, m2}}));
            this.p = Tensor.variable(Nd4j.createFromArray(new double[][] {{p1, p2}}));
            this.b = Tensor.variable(Nd4j.createFromArray(new double[][] {{b}}));
        }

        /** The energy of N(mean, v I). */
        static Quadratic gaussian(double m1, double m2, double v) {
            return new Quadratic(m1, m2, 1 / v, 1 / v, 0);
        }

        @Override
        public Tensor energy(Tensor x) {
            return x.sub(m).square().mul(p).sum(1, true).mul(0.5).add(b);
        }

        @Override
        public List<Tensor> parameters() {
            return List.of(m, p, b);
        }

        double[] values() {
            double[] mv = m.value().toDoubleVector();
            double[] pv = p.value().toDoubleVector();
            return new double[] {mv[0], mv[1], pv[0], pv[1], b.item()};
        }

        /** f at one point, by hand (reads the parameters: for many points, use {@link #energyAt(double[], double, double)}). */
        double energyAt(double x, double y) {
            return energyAt(values(), x, y);
        }

        /** f at one point for parameters {@code v} = {@link #values()}. */
        static double energyAt(double[] v, double x, double y) {
            return 0.5 * (v[2] * (x - v[0]) * (x - v[0]) + v[3] * (y - v[1]) * (y - v[1])) + v[4];
        }

        /** log(1/z), the c at which exp(-f + c) is a normalised density. */
        double logInverseNormaliser() {
            double[] v = values();
            return v[4] - Math.log(2 * Math.PI) + 0.5 * Math.log(v[2] * v[3]);
        }
    }

    /** s(x) = A x + b with learnable A [2, 2] and b [1, 2]: ds/dx = A everywhere, so tr(ds/dx) = A_11 + A_22. */
    static final class LinearScore implements ScoreModel {
        final Tensor a;
        final Tensor b;

        LinearScore(double[][] a, double[] b) {
            this.a = Tensor.variable(Nd4j.createFromArray(a));
            this.b = Tensor.variable(Nd4j.createFromArray(new double[][] {b}));
        }

        @Override
        public Tensor score(Tensor x) {
            return x.matmulTransposed(a).add(b);
        }

        @Override
        public List<Tensor> parameters() {
            return List.of(a, b);
        }

        /** s at one point, by hand. */
        double[] scoreAt(double x, double y) {
            double[][] m = a.value().toDoubleMatrix();
            double[] c = b.value().toDoubleVector();
            return new double[] {m[0][0] * x + m[0][1] * y + c[0], m[1][0] * x + m[1][1] * y + c[1]};
        }

        double trace() {
            double[][] m = a.value().toDoubleMatrix();
            return m[0][0] + m[1][1];
        }

        double sumOfEntries() {
            double[][] m = a.value().toDoubleMatrix();
            return m[0][0] + m[0][1] + m[1][0] + m[1][1];
        }
    }

    /**
     * Wraps a score model and keeps the points of each evaluation; after {@code limit} evaluations the next one throws
     * {@link Stop}, which ends a training loop the check wants to watch only briefly.
     */
    static final class Watched implements ScoreModel {
        private final ScoreModel inner;
        private final int limit;
        final List<double[]> inputs = new ArrayList<>();

        Watched(ScoreModel inner, int limit) {
            this.inner = inner;
            this.limit = limit;
        }

        @Override
        public Tensor score(Tensor x) {
            if (inputs.size() == limit) {
                throw new Stop();
            }
            inputs.add(x.value().dup('c').data().asDouble());
            return inner.score(x);
        }

        @Override
        public List<Tensor> parameters() {
            return inner.parameters();
        }

        /** Thrown by {@link Watched} once it has seen enough. */
        static final class Stop extends RuntimeException {
            Stop() {
                super("stopped by the check", null, false, false);
            }
        }
    }

    /** Wraps a score field and counts its evaluations and the points of each. */
    static final class Recording implements ScoreField {
        private final ScoreField inner;
        int calls;
        long lastRows = -1;
        boolean wrongShape;

        Recording(ScoreField inner) {
            this.inner = inner;
        }

        @Override
        public INDArray scoreAt(INDArray x) {
            calls++;
            lastRows = x.size(0);
            wrongShape |= x.rank() != 2 || x.size(1) != 2;
            return inner.scoreAt(x);
        }
    }

    /** The exact score of N(mean, v I), -(x - mean) / v, as a field (independent of any student code). */
    static ScoreField gaussianScore(double m1, double m2, double v) {
        return x -> {
            INDArray s = x.dup();
            s.getColumn(0).subi(m1);
            s.getColumn(1).subi(m2);
            return s.divi(-v);
        };
    }
}
