package org.scorelab.suites.dsm;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Tensor;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.MixtureSpec;

/** Energies with known scores, to check tasks that take an energy model without relying on the student's network. */
final class Energies {
    private Energies() {
    }

    /**
     * f(x, sigma) = -log p_sigma(x) of a mixture: the perfect energy, whose score is the analytic score and whose
     * exp(-f) is the perturbed density itself. Written as tensor operations, so it is differentiable.
     */
    static EnergyModel exact(MixtureSpec spec) {
        return new EnergyModel() {
            @Override
            public Tensor energy(Tensor x, Tensor sigma) {
                Tensor s2 = sigma.square();
                Tensor p = null;
                for (int k = 0; k < spec.components(); k++) {
                    Tensor v = s2.add(spec.variance(k));
                    Tensor mu = Tensor.constant(Nd4j.createFromArray(new double[][] {spec.mean(k)}));
                    Tensor r2 = x.sub(mu).square().sum(1, true);
                    Tensor term = r2.div(v.mul(-2.0)).exp().div(v.mul(2 * Math.PI)).mul(spec.weight(k));
                    p = p == null ? term : p.add(term);
                }
                return p.log().neg();
            }

            @Override
            public List<Tensor> parameters() {
                return List.of();
            }

            @Override
            public long parameterCount() {
                return 0;
            }
        };
    }

    /**
     * f(x, sigma) = a ||x - c||^2 / (2 (b + sigma^2)) + (sigma term): score -a (x - c) / (b + sigma^2). Its parameters
     * a, b, c are learnable tensors, so loss gradients can be checked against finite differences.
     */
    static Quadratic quadratic(double a, double b, double cx, double cy) {
        return new Quadratic(a, b, cx, cy);
    }

    static final class Quadratic implements EnergyModel {
        final Tensor a;
        final Tensor b;
        final Tensor c;

        Quadratic(double a, double b, double cx, double cy) {
            this.a = Tensor.variable(Nd4j.scalar(DataType.DOUBLE, a));
            this.b = Tensor.variable(Nd4j.scalar(DataType.DOUBLE, b));
            this.c = Tensor.variable(Nd4j.createFromArray(new double[][] {{cx, cy}}));
        }

        @Override
        public Tensor energy(Tensor x, Tensor sigma) {
            Tensor v = sigma.square().add(b);
            return x.sub(c).square().sum(1, true).mul(a).div(v.mul(2.0)).add(sigma.log());
        }

        /** The score -a (x - c) / (b + sigma^2), as plain numbers. */
        double[] score(double x, double y, double sigma) {
            double v = b.item() + sigma * sigma;
            double[] centre = c.value().toDoubleVector();
            return new double[] {-a.item() * (x - centre[0]) / v, -a.item() * (y - centre[1]) / v};
        }

        @Override
        public List<Tensor> parameters() {
            return List.of(a, b, c);
        }

        @Override
        public long parameterCount() {
            return 4;
        }
    }

    /** Wraps an energy and records every (x, sigma) it is evaluated at. */
    static final class Recording implements EnergyModel {
        final EnergyModel inner;
        final List<INDArray> points = new ArrayList<>();
        final List<INDArray> sigmas = new ArrayList<>();

        Recording(EnergyModel inner) {
            this.inner = inner;
        }

        @Override
        public Tensor energy(Tensor x, Tensor sigma) {
            points.add(x.value().dup());
            sigmas.add(sigma.value().dup());
            return inner.energy(x, sigma);
        }

        @Override
        public List<Tensor> parameters() {
            return inner.parameters();
        }

        @Override
        public long parameterCount() {
            return inner.parameterCount();
        }
    }
}
