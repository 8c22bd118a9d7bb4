package org.scorelab.autograd;

import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.scorelab.random.Rng;

/**
 * Every differentiable operation of the kit, checked against central finite differences to first and second order,
 * over random shapes (1..4 x 1..4) and random values. See {@link DerivativeCheck} for the tolerances.
 */
class OperationDerivativeProperties {

    /** A random shape and the seed of the values drawn for it. */
    record Case(int rows, int cols, long seed) {
        Rng rng() {
            return new Rng(seed);
        }

        /** Values uniform on [-2, 2], kept at least 0.01 away from 0 (where ELU's curvature jumps). */
        INDArray anyValues(Rng rng, long... shape) {
            INDArray u = rng.uniform(0.01, 2.0, shape);
            INDArray sign = Transforms.sign(rng.uniform(-1, 1, shape), false);
            return u.mul(sign);
        }

        INDArray positiveValues(Rng rng, long... shape) {
            return rng.uniform(0.2, 3.0, shape);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 4),
            Arbitraries.longs()).as(Case::new);
    }

    private static void check(Function<Tensor[], Tensor> op, Rng rng, INDArray... inputs) {
        DerivativeCheck check = new DerivativeCheck(op, rng, inputs);
        check.firstOrder();
        check.secondOrder();
    }

    private static void checkUnary(Case c, Function<Tensor, Tensor> op, boolean positive) {
        Rng rng = c.rng();
        INDArray x = positive ? c.positiveValues(rng, c.rows(), c.cols()) : c.anyValues(rng, c.rows(), c.cols());
        check(xs -> op.apply(xs[0]), rng, x);
    }

    @Group
    class ElementwiseFunctions {
        @Property(tries = 25)
        void exp(@ForAll("cases") Case c) {
            checkUnary(c, Tensor::exp, false);
        }

        @Property(tries = 25)
        void log(@ForAll("cases") Case c) {
            checkUnary(c, Tensor::log, true);
        }

        @Property(tries = 25)
        void sqrt(@ForAll("cases") Case c) {
            checkUnary(c, Tensor::sqrt, true);
        }

        @Property(tries = 25)
        void square(@ForAll("cases") Case c) {
            checkUnary(c, Tensor::square, false);
        }

        @Property(tries = 25)
        void powWithRealExponent(@ForAll("cases") Case c) {
            checkUnary(c, x -> x.pow(2.5), true);
        }

        @Property(tries = 25)
        void powWithIntegerExponentOnAnySign(@ForAll("cases") Case c) {
            checkUnary(c, x -> x.pow(3), false);
        }

        @Property(tries = 25)
        void neg(@ForAll("cases") Case c) {
            checkUnary(c, Tensor::neg, false);
        }

        @Property(tries = 25)
        void tanh(@ForAll("cases") Case c) {
            checkUnary(c, Tensor::tanh, false);
        }

        @Property(tries = 25)
        void sigmoid(@ForAll("cases") Case c) {
            checkUnary(c, Tensor::sigmoid, false);
        }

        @Property(tries = 25)
        void softplus(@ForAll("cases") Case c) {
            checkUnary(c, Tensor::softplus, false);
        }

        @Property(tries = 25)
        void logSigmoid(@ForAll("cases") Case c) {
            checkUnary(c, Tensor::logSigmoid, false);
        }

        @Property(tries = 25)
        void elu(@ForAll("cases") Case c) {
            checkUnary(c, Tensor::elu, false);
        }

        @Property(tries = 25)
        void silu(@ForAll("cases") Case c) {
            checkUnary(c, Tensor::silu, false);
        }

        @Property(tries = 25)
        void scalarArithmetic(@ForAll("cases") Case c) {
            checkUnary(c, x -> x.mul(1.7).add(0.3).sub(2.0).div(-0.8), false);
        }

        @Property(tries = 15)
        void eluThirdOrderThroughComposition(@ForAll("cases") Case c) {
            // The second-order check of elu(x)^2 exercises elu'' (the gradient of elu' inside the recorded backward pass).
            checkUnary(c, x -> x.elu().square().elu(), false);
        }
    }

    /** Shapes a second operand can have against [rows, cols]: equal, a row, a column, a vector, a scalar. */
    private static long[] broadcastShape(Case c, int kind) {
        return switch (kind) {
            case 0 -> new long[] {c.rows(), c.cols()};
            case 1 -> new long[] {1, c.cols()};
            case 2 -> new long[] {c.rows(), 1};
            case 3 -> new long[] {c.cols()};
            default -> new long[] {};
        };
    }

    @Group
    class BroadcastingArithmetic {
        private void checkBinary(Case c, int kind, boolean swap, boolean positiveSecond, java.util.function.BinaryOperator<Tensor> op) {
            Rng rng = c.rng();
            INDArray a = c.anyValues(rng, c.rows(), c.cols());
            long[] shape = broadcastShape(c, kind);
            INDArray b = positiveSecond ? c.positiveValues(rng, shape) : c.anyValues(rng, shape);
            if (swap) {
                check(xs -> op.apply(xs[1], xs[0]), rng, b, a);
            } else {
                check(xs -> op.apply(xs[0], xs[1]), rng, a, b);
            }
        }

        @Property(tries = 40)
        void add(@ForAll("cases") Case c, @ForAll("broadcastKinds") int kind, @ForAll boolean swap) {
            checkBinary(c, kind, swap, false, Tensor::add);
        }

        @Property(tries = 40)
        void sub(@ForAll("cases") Case c, @ForAll("broadcastKinds") int kind, @ForAll boolean swap) {
            checkBinary(c, kind, swap, false, Tensor::sub);
        }

        @Property(tries = 40)
        void mul(@ForAll("cases") Case c, @ForAll("broadcastKinds") int kind, @ForAll boolean swap) {
            checkBinary(c, kind, swap, false, Tensor::mul);
        }

        @Property(tries = 40)
        void divByPositive(@ForAll("cases") Case c, @ForAll("broadcastKinds") int kind) {
            checkBinary(c, kind, false, true, Tensor::div);
        }

        @Property(tries = 40)
        void divOfPositive(@ForAll("cases") Case c, @ForAll("broadcastKinds") int kind) {
            Rng rng = c.rng();
            INDArray a = c.positiveValues(rng, c.rows(), c.cols());
            INDArray b = c.anyValues(rng, broadcastShape(c, kind));
            check(xs -> xs[1].div(xs[0]), rng, a, b);
        }

        @Provide
        Arbitrary<Integer> broadcastKinds() {
            return Arbitraries.integers().between(0, 4);
        }
    }

    @Group
    class MatrixProducts {
        @Property(tries = 30)
        void matmul(@ForAll("cases") Case c, @ForAll("widths") int m) {
            Rng rng = c.rng();
            check(xs -> xs[0].matmul(xs[1]), rng, c.anyValues(rng, c.rows(), c.cols()), c.anyValues(rng, c.cols(), m));
        }

        @Property(tries = 30)
        void matmulTransposed(@ForAll("cases") Case c, @ForAll("widths") int m) {
            Rng rng = c.rng();
            check(xs -> xs[0].matmulTransposed(xs[1]), rng, c.anyValues(rng, c.rows(), c.cols()), c.anyValues(rng, m, c.cols()));
        }

        @Property(tries = 30)
        void productOfProductsIsCurved(@ForAll("cases") Case c) {
            // (A A^T) A: quadratic and cubic terms in one input, so second derivatives are not zero.
            Rng rng = c.rng();
            check(xs -> xs[0].matmulTransposed(xs[0]).matmul(xs[0]).tanh(), rng, c.anyValues(rng, c.rows(), c.cols()));
        }

        @Provide
        Arbitrary<Integer> widths() {
            return Arbitraries.integers().between(1, 4);
        }
    }

    @Group
    class ReductionsAndShapes {
        @Property(tries = 25)
        void sumAll(@ForAll("cases") Case c) {
            checkUnary(c, x -> x.square().sum(), false);
        }

        @Property(tries = 25)
        void meanAll(@ForAll("cases") Case c) {
            checkUnary(c, x -> x.exp().mean(), false);
        }

        @Property(tries = 25)
        void sumAlongAxis(@ForAll("cases") Case c, @ForAll boolean rows, @ForAll boolean keepDim) {
            checkUnary(c, x -> x.square().sum(rows ? 0 : 1, keepDim).tanh(), false);
        }

        @Property(tries = 25)
        void meanAlongAxis(@ForAll("cases") Case c, @ForAll boolean rows) {
            checkUnary(c, x -> x.mean(rows ? 0 : 1).square(), false);
        }

        @Property(tries = 25)
        void columnSlices(@ForAll("cases") Case c) {
            int to = c.cols();
            int from = (int) Math.floorMod(c.seed(), to);
            checkUnary(c, x -> x.columns(from, to).square(), false);
        }

        @Property(tries = 25)
        void rowSlices(@ForAll("cases") Case c) {
            int to = c.rows();
            int from = (int) Math.floorMod(c.seed(), to);
            checkUnary(c, x -> x.rows(from, to).exp(), false);
        }

        @Property(tries = 25)
        void concat(@ForAll("cases") Case c, @ForAll boolean alongRows) {
            Rng rng = c.rng();
            int axis = alongRows ? 0 : 1;
            INDArray a = c.anyValues(rng, c.rows(), c.cols());
            INDArray b = c.anyValues(rng, c.rows(), c.cols());
            check(xs -> Tensor.concat(axis, xs[0].square(), xs[1].mul(xs[0])), rng, a, b);
        }

        @Property(tries = 25)
        void reshape(@ForAll("cases") Case c) {
            checkUnary(c, x -> x.reshape(c.rows() * c.cols(), 1).square().reshape(c.cols(), c.rows()), false);
        }

        @Property(tries = 25)
        void transpose(@ForAll("cases") Case c) {
            checkUnary(c, x -> x.transpose().square(), false);
        }

        @Property(tries = 25)
        void broadcastToAndSumTo(@ForAll("cases") Case c) {
            Rng rng = c.rng();
            check(xs -> xs[0].square().broadcastTo(3, c.rows(), c.cols()).mul(2.0).sumTo(1, c.cols()), rng,
                c.anyValues(rng, c.rows(), c.cols()));
        }
    }

}
