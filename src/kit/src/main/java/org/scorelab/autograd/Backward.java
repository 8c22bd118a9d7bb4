package org.scorelab.autograd;

/**
 * The vector-Jacobian product of one recorded operation: given the gradient of some scalar with respect to the
 * operation's output, the gradients with respect to its inputs. Written with {@link Tensor} operations, so that
 * when the engine records them (torch's {@code create_graph=True}) second and higher derivatives follow.
 */
@FunctionalInterface
interface Backward {
    /**
     * @param gradOutput gradient with respect to {@code output}, same shape
     * @param output the operation's result (saved for ops such as exp, whose derivative is their output)
     * @param needed which inputs need a gradient; the others may be returned as {@code null}
     * @return one gradient per input, each of its input's shape, or {@code null} where not needed
     */
    Tensor[] apply(Tensor gradOutput, Tensor output, boolean[] needed);
}
