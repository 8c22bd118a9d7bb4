package org.scorelab.autograd;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Central finite differences, to check gradients: (f(x + h e_i) - f(x - h e_i)) / 2h, with error O(h^2) from the
 * third derivative plus O(eps |f| / h) from rounding; h = 1e-6 balances the two in double precision
 * (error around 1e-10 for well-scaled functions).
 */
public final class FiniteDifferences {
    /** The step that balances truncation and rounding error for double precision. */
    public static final double DEFAULT_STEP = 1e-6;

    private FiniteDifferences() {
    }

    /** The gradient of a scalar function, one central difference per coordinate; same shape as {@code x}. */
    public static INDArray gradient(ToDoubleFunction<INDArray> f, INDArray x, double h) {
        INDArray flat = x.dup('c').reshape(x.length());
        double[] grad = new double[(int) x.length()];
        for (int i = 0; i < grad.length; i++) {
            double xi = flat.getDouble(i);
            flat.putScalar(i, xi + h);
            double up = f.applyAsDouble(flat.reshape(x.shape()));
            flat.putScalar(i, xi - h);
            double down = f.applyAsDouble(flat.reshape(x.shape()));
            flat.putScalar(i, xi);
            grad[i] = (up - down) / (2 * h);
        }
        return Nd4j.createFromArray(grad).reshape(x.shape());
    }

    /**
     * The Jacobian-transpose-vector product of a vector function: d/dx sum(f(x) * v), by central differences.
     * Used for second derivatives: with f the gradient of a loss, this is a Hessian-vector product.
     */
    public static INDArray vectorJacobian(Function<INDArray, INDArray> f, INDArray x, INDArray v, double h) {
        return gradient(point -> f.apply(point).mul(v).sumNumber().doubleValue(), x, h);
    }
}
