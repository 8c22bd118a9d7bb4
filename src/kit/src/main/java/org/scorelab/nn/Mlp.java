package org.scorelab.nn;

import java.util.ArrayList;
import java.util.List;
import org.scorelab.random.Rng;

/**
 * Builds a multilayer perceptron: Linear, activation, ..., Linear, as a {@link Sequential}.
 *
 * <pre>{@code
 * Module f = Mlp.input(3).hidden(64, 64).activation(Activation.ELU).output(1).build(rng);
 * }</pre>
 */
public final class Mlp {
    private final int inputs;
    private final List<Integer> hidden = new ArrayList<>();
    private Activation activation = Activation.ELU;
    private int outputs = 1;

    private Mlp(int inputs) {
        this.inputs = inputs;
    }

    /** Starts a network with {@code inputs} input features. */
    public static Mlp input(int inputs) {
        return new Mlp(inputs);
    }

    /** Adds hidden layers of the given widths. */
    public Mlp hidden(int... widths) {
        for (int w : widths) {
            hidden.add(w);
        }
        return this;
    }

    /** The activation after every hidden layer (default ELU). */
    public Mlp activation(Activation activation) {
        this.activation = activation;
        return this;
    }

    /** The number of outputs (default 1: an energy). */
    public Mlp output(int outputs) {
        this.outputs = outputs;
        return this;
    }

    /** Creates the network with PyTorch's initialisation, drawn from {@code rng}. */
    public Sequential build(Rng rng) {
        List<Module> layers = new ArrayList<>();
        int width = inputs;
        for (int h : hidden) {
            layers.add(new Linear(width, h, rng));
            layers.add(activation);
            width = h;
        }
        layers.add(new Linear(width, outputs, rng));
        return new Sequential(layers);
    }
}
