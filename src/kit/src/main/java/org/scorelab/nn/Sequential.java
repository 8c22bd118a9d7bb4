package org.scorelab.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scorelab.autograd.Tensor;

/**
 * Modules applied one after the other; parameters are named "index.name" as in torch.nn.Sequential.
 *
 * <p>Linear layers each followed by at most one {@link Activation} (what {@link Mlp} builds) are evaluated as one
 * fused graph node, with the same values and derivatives as layer by layer, in fewer operations
 * (org.scorelab.autograd.FusedMlp); any other module makes the whole sequence run layer by layer.
 */
public final class Sequential implements Module {
    private final List<Module> layers;
    private final FusedLayers fused;

    public Sequential(List<Module> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("Sequential needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        this.fused = FusedLayers.of(this.layers);
    }

    public Sequential(Module... layers) {
        this(List.of(layers));
    }

    @Override
    public Tensor forward(Tensor input) {
        if (fused != null && FusedLayers.ENABLED && fused.accepts(input)) {
            return fused.forward(input);
        }
        Tensor x = input;
        for (Module layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> named = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            int index = i;
            layers.get(i).namedParameters().forEach((name, p) -> named.put(index + "." + name, p));
        }
        return named;
    }

    public List<Module> layers() {
        return layers;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Sequential(");
        for (Module layer : layers) {
            s.append(layer instanceof Linear l ? "Linear(" + l.inputs() + ", " + l.outputs() + ")" : layer.toString());
            s.append(layer == layers.get(layers.size() - 1) ? ")" : ", ");
        }
        return s.toString();
    }
}
