package org.scorelab.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.scorelab.autograd.Tensor;
import org.scorelab.random.Rng;

/**
 * y = x W^T + b, with W of shape [out, in] and b of shape [out], as torch.nn.Linear stores them, so saved
 * parameters load into PyTorch unchanged. Initialised as PyTorch does: W and b uniform on
 * [-1/sqrt(in), 1/sqrt(in)] (kaiming_uniform with a = sqrt(5)).
 */
public final class Linear implements Module {
    private final Tensor weight;
    private final Tensor bias;

    public Linear(int in, int out, Rng rng) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Linear needs positive sizes, got in = " + in + ", out = " + out);
        }
        double bound = 1.0 / Math.sqrt(in);
        this.weight = Tensor.variable(rng.uniform(-bound, bound, out, in));
        this.bias = Tensor.variable(rng.uniform(-bound, bound, out));
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.rank() != 2 || input.size(1) != weight.size(1)) {
            throw new IllegalArgumentException("Linear(" + weight.size(1) + " -> " + weight.size(0)
                + ") needs input of shape [n, " + weight.size(1) + "], got " + java.util.Arrays.toString(input.shape()));
        }
        return input.matmulTransposed(weight).add(bias);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> named = new LinkedHashMap<>();
        named.put("weight", weight);
        named.put("bias", bias);
        return named;
    }

    Tensor weight() {
        return weight;
    }

    Tensor bias() {
        return bias;
    }

    public int inputs() {
        return (int) weight.size(1);
    }

    public int outputs() {
        return (int) weight.size(0);
    }
}
