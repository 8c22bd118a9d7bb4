package org.scorelab.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reverse-mode differentiation of recorded {@link Tensor} graphs, after {@code torch.autograd.grad} and
 * {@code Tensor.backward}.
 */
public final class Autograd {
    private Autograd() {
    }

    /**
     * Gradients of {@code sum_k <gradOutputs[k], outputs[k]>} with respect to each input (torch.autograd.grad).
     *
     * @param outputs tensors to differentiate; each must depend on a tensor that requires gradients
     * @param inputs tensors to differentiate with respect to
     * @param gradOutputs weights of the outputs, each of its output's shape; {@code null} for one-element outputs
     *     means ones
     * @param createGraph record the backward pass, so that the returned gradients can be differentiated again
     *     (needed when a loss depends on a gradient, as in score matching)
     * @return one gradient per input, of its shape
     * @throws IllegalArgumentException if an input does not influence the outputs (a bug in the caller's model,
     *     such as a noise level that is never fed to the network)
     */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, Tensor[] gradOutputs, boolean createGraph) {
        return grad(outputs, inputs, gradOutputs, createGraph, false);
    }

    /** As {@link #grad(Tensor[], Tensor[], Tensor[], boolean)}; with {@code allowUnused} an unused input gets zeros. */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, Tensor[] gradOutputs, boolean createGraph,
                                boolean allowUnused) {
        Map<Tensor, Tensor> grads = propagate(outputs, gradOutputs, identitySet(inputs), createGraph);
        Tensor[] result = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor g = grads.get(inputs[i]);
            if (g == null) {
                if (!allowUnused) {
                    throw new IllegalArgumentException("input " + i + " " + inputs[i]
                        + " was not used to compute the outputs, so it has no gradient");
                }
                g = Tensor.constant(Nd4j.zeros(inputs[i].shape()));
            }
            result[i] = g;
        }
        return result;
    }

    /** d(output)/d(input) for a one-element output, e.g. {@code grad(f.sum(), x, true)}. */
    public static Tensor grad(Tensor output, Tensor input, boolean createGraph) {
        return grad(new Tensor[] {output}, new Tensor[] {input}, null, createGraph)[0];
    }

    /** Accumulates d(output)/d(leaf) into {@link Tensor#grad()} of every leaf that requires gradients. */
    static void backward(Tensor output) {
        Map<Tensor, Tensor> grads = propagate(new Tensor[] {output}, null, null, false);
        grads.forEach((tensor, g) -> {
            if (tensor.isLeaf()) {
                tensor.accumulateGrad(g);
            }
        });
    }

    /** Runs {@code body} without recording operations (torch.no_grad): cheaper, for evaluation and sampling. */
    public static <T> T noGrad(Supplier<T> body) {
        return GradMode.with(false, body);
    }

    /**
     * Back-propagates from the outputs and returns the gradient of every tensor on a path to {@code targets}
     * ({@code null}: to every leaf).
     */
    private static Map<Tensor, Tensor> propagate(Tensor[] outputs, Tensor[] gradOutputs, Set<Tensor> targets,
                                                 boolean createGraph) {
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        for (int k = 0; k < outputs.length; k++) {
            Tensor out = outputs[k];
            if (!out.requiresGrad()) {
                throw new IllegalArgumentException("output " + k + " " + out + " does not require gradients: it does "
                    + "not depend on any variable (was it computed from constants only, or under noGrad?)");
            }
            Tensor seed = seedGradient(out, gradOutputs == null ? null : gradOutputs[k], k);
            grads.merge(out, seed, (p, q) -> GradMode.with(createGraph, () -> p.add(q)));
        }
        List<Tensor> order = topologicalOrder(outputs);
        Map<Tensor, Boolean> leadsToTarget = reachability(order, targets);
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor node = order.get(i);
            Tensor g = grads.get(node);
            if (g == null || node.isLeaf()) {
                continue;
            }
            Tensor[] inputs = node.inputs();
            boolean[] needed = new boolean[inputs.length];
            boolean any = false;
            for (int j = 0; j < inputs.length; j++) {
                needed[j] = inputs[j].requiresGrad() && leadsToTarget.getOrDefault(inputs[j], false);
                any |= needed[j];
            }
            if (!any) {
                continue;
            }
            Tensor[] inputGrads = GradMode.with(createGraph, () -> node.backwardFunction().apply(g, node, needed));
            for (int j = 0; j < inputs.length; j++) {
                if (needed[j] && inputGrads[j] != null) {
                    grads.merge(inputs[j], inputGrads[j], (p, q) -> GradMode.with(createGraph, () -> p.add(q)));
                }
            }
            if (targets != null && !targets.contains(node)) {
                grads.remove(node);
            }
        }
        return grads;
    }

    private static Tensor seedGradient(Tensor out, Tensor given, int k) {
        if (given != null) {
            if (!Arrays.equals(given.shape(), out.shape())) {
                throw new IllegalArgumentException("gradOutputs[" + k + "] has shape " + Arrays.toString(given.shape())
                    + " but output " + k + " has shape " + Arrays.toString(out.shape()));
            }
            return given;
        }
        if (out.value().length() != 1) {
            throw new IllegalArgumentException("output " + k + " has shape " + Arrays.toString(out.shape())
                + ": a gradient can be implied only for one-element outputs; pass gradOutputs or sum first");
        }
        return Tensor.constant(Nd4j.onesLike(out.value()));
    }

    /** Nodes that require gradients, each after all of its inputs (iterative DFS: graphs can be deep). */
    private static List<Tensor> topologicalOrder(Tensor[] outputs) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        for (Tensor out : outputs) {
            if (visited.add(out)) {
                stack.push(new Object[] {out, 0});
            }
            while (!stack.isEmpty()) {
                Object[] frame = stack.peek();
                Tensor node = (Tensor) frame[0];
                int next = (Integer) frame[1];
                Tensor[] inputs = node.isLeaf() ? new Tensor[0] : node.inputs();
                if (next < inputs.length) {
                    frame[1] = next + 1;
                    Tensor input = inputs[next];
                    if (input.requiresGrad() && visited.add(input)) {
                        stack.push(new Object[] {input, 0});
                    }
                } else {
                    stack.pop();
                    order.add(node);
                }
            }
        }
        return order;
    }

    /** For each node: does a target lie at or below it? With no targets, every leaf is one. */
    private static Map<Tensor, Boolean> reachability(List<Tensor> order, Set<Tensor> targets) {
        Map<Tensor, Boolean> reaches = new IdentityHashMap<>();
        for (Tensor node : order) {
            boolean r = targets == null ? node.isLeaf() : targets.contains(node);
            if (!r && !node.isLeaf()) {
                for (Tensor input : node.inputs()) {
                    if (reaches.getOrDefault(input, false)) {
                        r = true;
                        break;
                    }
                }
            }
            reaches.put(node, r);
        }
        return reaches;
    }

    private static Set<Tensor> identitySet(Tensor[] inputs) {
        Set<Tensor> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(Arrays.asList(inputs));
        return set;
    }
}
