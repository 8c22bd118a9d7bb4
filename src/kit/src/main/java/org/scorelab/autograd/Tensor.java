package org.scorelab.autograd;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ND4J array that records the operations applied to it, so that {@link Autograd#grad} can differentiate
 * through them, to any order. The semantics follow torch.autograd: leaves made with {@link #variable} require
 * gradients, every result of an operation on a tensor that requires gradients requires them too, and
 * {@link #backward()} accumulates gradients into the leaves' {@link #grad()}.
 *
 * <p>All values are double precision: the kit's gradients are checked against finite differences, which
 * single precision cannot resolve. Arrays of another floating type are converted on the way in.
 *
 * <p>Binary operations broadcast as NumPy does ({@code [n, 2] + [1, 2]}, {@code [n, 1] * [n, 2]}).
 */
public final class Tensor {
    static {
        Precision.useDouble();
    }

    private final INDArray value;
    private final boolean requiresGrad;
    private final Tensor[] inputs;
    private final Backward backward;
    private final String op;
    private INDArray grad;
    /** Whether nobody else holds {@link #value}: the first leaf that takes this as its gradient may keep it. */
    private boolean fresh;

    private Tensor(INDArray value, boolean requiresGrad, Tensor[] inputs, Backward backward, String op) {
        this.value = value;
        this.requiresGrad = requiresGrad;
        this.inputs = inputs;
        this.backward = backward;
        this.op = op;
    }

    // ---------------------------------------------------------------- creation

    /** A tensor that is not differentiated (data, noise, targets). */
    public static Tensor constant(INDArray value) {
        return new Tensor(asDouble(value), false, null, null, "constant");
    }

    /** A scalar constant, shape []. */
    public static Tensor constant(double value) {
        return constant(Nd4j.scalar(value));
    }

    /** A leaf that requires gradients (torch: {@code x.requires_grad_()}); parameters and inputs to differentiate. */
    public static Tensor variable(INDArray value) {
        return new Tensor(asDouble(value), true, null, null, "variable");
    }

    /** A constant with rows {@code rows}, shape [rows.length, rows[0].length]. */
    public static Tensor of(double[][] rows) {
        return constant(Nd4j.createFromArray(rows));
    }

    /**
     * A constant whose array was just computed and is held by nothing else (a gradient from a hand-written backward):
     * {@link #backward()} then stores it in a leaf's {@link #grad()} without copying it, once.
     */
    static Tensor fresh(INDArray value) {
        Tensor t = constant(value);
        t.fresh = true;
        return t;
    }

    /** Records the result of an operation: a graph node if grad mode is on and an input requires gradients. */
    static Tensor record(String op, INDArray value, Backward backward, Tensor... inputs) {
        if (GradMode.isEnabled()) {
            for (Tensor input : inputs) {
                if (input.requiresGrad) {
                    return new Tensor(value, true, inputs, backward, op);
                }
            }
        }
        return new Tensor(value, false, null, null, op);
    }

    private static INDArray asDouble(INDArray value) {
        Objects.requireNonNull(value, "value must not be null");
        if (!value.dataType().isFPType()) {
            throw new IllegalArgumentException("a tensor holds floating-point values, found " + value.dataType());
        }
        return value.dataType() == DataType.DOUBLE ? value : value.castTo(DataType.DOUBLE);
    }

    // ---------------------------------------------------------------- state

    /** The values; do not modify a tensor that is part of a recorded graph. */
    public INDArray value() {
        return value;
    }

    public long[] shape() {
        return value.shape();
    }

    public long size(int axis) {
        return value.size(axis);
    }

    public int rank() {
        return value.rank();
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The single value of a one-element tensor (torch's {@code item()}). */
    public double item() {
        if (value.length() != 1) {
            throw new IllegalStateException("item() needs a one-element tensor, shape is " + Arrays.toString(shape()));
        }
        return value.getDouble(0);
    }

    /** The same values, cut from the graph. */
    public Tensor detach() {
        return constant(value);
    }

    /** Gradient accumulated by {@link #backward()} on a leaf, or {@code null} before the first backward pass. */
    public INDArray grad() {
        return grad;
    }

    /** Forgets the accumulated gradient (torch: {@code p.grad = None}). */
    public void zeroGrad() {
        grad = null;
    }

    /** Accumulates d(this)/d(leaf) into every leaf's {@link #grad()}; this tensor must hold one element. */
    public void backward() {
        Autograd.backward(this);
    }

    boolean isLeaf() {
        return inputs == null;
    }

    Tensor[] inputs() {
        return inputs;
    }

    Backward backwardFunction() {
        return backward;
    }

    void accumulateGrad(Tensor g) {
        if (grad == null && g.fresh) {
            g.fresh = false;
            grad = g.value;
        } else {
            grad = grad == null ? g.value.dup() : grad.addi(g.value);
        }
    }

    // ---------------------------------------------------------------- arithmetic (broadcasting)

    public Tensor add(Tensor other) {
        return Arithmetic.add(this, other);
    }

    public Tensor sub(Tensor other) {
        return Arithmetic.sub(this, other);
    }

    public Tensor mul(Tensor other) {
        return Arithmetic.mul(this, other);
    }

    public Tensor div(Tensor other) {
        return Arithmetic.div(this, other);
    }

    public Tensor add(double c) {
        return Arithmetic.addScalar(this, c);
    }

    public Tensor sub(double c) {
        return Arithmetic.addScalar(this, -c);
    }

    public Tensor mul(double c) {
        return Arithmetic.mulScalar(this, c);
    }

    public Tensor div(double c) {
        return Arithmetic.mulScalar(this, 1.0 / c);
    }

    public Tensor neg() {
        return Arithmetic.mulScalar(this, -1.0);
    }

    /** Matrix product of two rank-2 tensors, [n, k] x [k, m] -> [n, m]. */
    public Tensor matmul(Tensor other) {
        return MatMul.gemm(this, other, false, false);
    }

    /** x W^T for x [n, k] and W [m, k], as torch.nn.functional.linear does (no copy of the transpose). */
    public Tensor matmulTransposed(Tensor other) {
        return MatMul.gemm(this, other, false, true);
    }

    // ---------------------------------------------------------------- element-wise functions

    public Tensor pow(double exponent) {
        return Elementwise.pow(this, exponent);
    }

    public Tensor square() {
        return Elementwise.square(this);
    }

    public Tensor sqrt() {
        return Elementwise.sqrt(this);
    }

    public Tensor exp() {
        return Elementwise.exp(this);
    }

    public Tensor log() {
        return Elementwise.log(this);
    }

    public Tensor tanh() {
        return Elementwise.tanh(this);
    }

    public Tensor sigmoid() {
        return Elementwise.sigmoid(this);
    }

    /** log(1 + e^x), computed without overflow for large |x|. */
    public Tensor softplus() {
        return Elementwise.softplus(this);
    }

    /** log(sigmoid(x)) = -softplus(-x), finite for large |x|. */
    public Tensor logSigmoid() {
        return Elementwise.softplus(neg()).neg();
    }

    /** Exponential linear unit with alpha = 1: x for x > 0, e^x - 1 otherwise; twice differentiable a.e. */
    public Tensor elu() {
        return Elementwise.elu(this);
    }

    /** SiLU (swish): x * sigmoid(x); smooth. */
    public Tensor silu() {
        return Elementwise.silu(this);
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements, shape []. */
    public Tensor sum() {
        return Reductions.sumAll(this);
    }

    /** Sum along {@code axis}, which is removed from the shape (torch's default). */
    public Tensor sum(int axis) {
        return Reductions.sum(this, axis, false);
    }

    /** Sum along {@code axis}, keeping it with size 1 when {@code keepDim}. */
    public Tensor sum(int axis, boolean keepDim) {
        return Reductions.sum(this, axis, keepDim);
    }

    /** Mean of all elements, shape []. */
    public Tensor mean() {
        return sum().div(value.length());
    }

    /** Mean along {@code axis}, which is removed from the shape. */
    public Tensor mean(int axis) {
        return sum(axis).div(size(axis));
    }

    // ---------------------------------------------------------------- shapes

    /** Columns {@code from} (inclusive) to {@code to} (exclusive) of a rank-2 tensor (torch: {@code x[:, from:to]}). */
    public Tensor columns(int from, int to) {
        return Shapes.slice(this, 1, from, to);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) (torch: {@code x[from:to]}). */
    public Tensor rows(int from, int to) {
        return Shapes.slice(this, 0, from, to);
    }

    /** Column {@code j} of a rank-2 tensor, shape [n, 1]. */
    public Tensor column(int j) {
        return columns(j, j + 1);
    }

    /** Same values in a new shape, row-major (torch: {@code reshape}). */
    public Tensor reshape(long... newShape) {
        return Shapes.reshape(this, newShape);
    }

    /** Transpose of a rank-2 tensor. */
    public Tensor transpose() {
        return Shapes.transpose(this);
    }

    /** Concatenation along {@code axis} (torch: {@code torch.cat}). */
    public static Tensor concat(int axis, Tensor... parts) {
        return Shapes.concat(axis, parts);
    }

    /** Repeats this tensor along broadcast axes to {@code targetShape} (NumPy broadcasting rules). */
    public Tensor broadcastTo(long... targetShape) {
        return Shapes.broadcastTo(this, targetShape);
    }

    /** Sums the broadcast axes away, to {@code targetShape}: the adjoint of {@link #broadcastTo}. */
    public Tensor sumTo(long... targetShape) {
        return Shapes.sumTo(this, targetShape);
    }

    @Override
    public String toString() {
        return "Tensor(" + op + ", shape=" + Arrays.toString(shape()) + (requiresGrad ? ", requiresGrad" : "") + ")";
    }
}
