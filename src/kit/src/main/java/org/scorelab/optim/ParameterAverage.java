package org.scorelab.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.autograd.Scratch;
import org.scorelab.autograd.Tensor;

/**
 * An exponential moving average of parameters, avg <- decay avg + (1 - decay) p after every optimizer step, copied
 * into the parameters at the end of training. Averaging the last ~1/(1 - decay) iterates removes most of the noise
 * that stochastic gradients leave in the weights; score-based models use it routinely (Song and Ermon 2020,
 * technique 5, decay 0.999).
 */
public final class ParameterAverage {
    private final List<Tensor> parameters;
    private final double decay;
    private final INDArray[] averages;

    public ParameterAverage(List<Tensor> parameters, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("the decay of a moving average must be in (0, 1), got " + decay);
        }
        this.parameters = List.copyOf(parameters);
        this.decay = decay;
        this.averages = Scratch.outside(() -> this.parameters.stream().map(p -> p.value().dup()).toArray(INDArray[]::new));
    }

    /** Moves each average towards its parameter's current value. */
    public void update() {
        for (int i = 0; i < averages.length; i++) {
            averages[i].muli(decay).addi(parameters.get(i).value().mul(1 - decay));
        }
    }

    /** Overwrites the parameters with their averages. */
    public void copyToParameters() {
        for (int i = 0; i < averages.length; i++) {
            parameters.get(i).value().assign(averages[i]);
        }
    }
}
