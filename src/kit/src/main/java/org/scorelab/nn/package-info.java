/**
 * Layers and models built on the kit's autograd: {@link org.scorelab.nn.Linear}, activations, the sequential
 * {@link org.scorelab.nn.Mlp} builder, and parameters saved as NumPy {@code .npz} in PyTorch's layout.
 */
package org.scorelab.nn;
