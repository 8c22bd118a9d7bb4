/**
 * Reverse-mode automatic differentiation over ND4J arrays, with torch.autograd semantics.
 * {@link org.scorelab.autograd.Tensor} records the operations applied to it; {@link org.scorelab.autograd.Autograd#grad}
 * returns gradients that, with {@code createGraph}, are themselves differentiable (double backprop).
 */
package org.scorelab.autograd;
