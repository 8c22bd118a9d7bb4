/** Optimizers with PyTorch's update rules and defaults: {@link org.scorelab.optim.Sgd}, {@link org.scorelab.optim.Adam}. */
package org.scorelab.optim;
