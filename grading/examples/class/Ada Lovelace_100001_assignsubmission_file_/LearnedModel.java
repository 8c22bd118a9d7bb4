package org.scorelab.dsm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Scratch;
import org.scorelab.autograd.Tensor;
import org.scorelab.dsm.api.EnergyModel;
import org.scorelab.dsm.api.LearnedScores;

/**
 * Task 3.5: a trained energy model read as a density and a score. p(x) = exp(-f(x)) / Z, eq. (2), so exp(-f) is
 * the density up to the unknown constant Z, and the score is grad log p = -grad_x f (Z does not depend on x).
 */
public final class LearnedModel implements LearnedScores {

    @Override
    public INDArray unnormalisedDensity(EnergyModel model, INDArray x, double sigma) {
        int n = Shapes.points("3.5", "x", x);
        return Scratch.compute(() -> Autograd.noGrad(() ->
            model.energy(Tensor.constant(x), Tensor.constant(Nd4j.valueArrayOf(new long[] {n, 1}, sigma, DataType.DOUBLE)))
                .neg().exp().reshape(n).value()));
    }

    @Override
    public INDArray scoreOf(EnergyModel model, INDArray x, double sigma) {
        int n = Shapes.points("3.5", "x", x);
        return Scratch.compute(() -> {
            Tensor point = Tensor.variable(x);
            Tensor energy = model.energy(point, Tensor.constant(Nd4j.valueArrayOf(new long[] {n, 1}, sigma, DataType.DOUBLE)));
            return Autograd.grad(energy.sum(), point, false).neg().value();
        });
    }
}
