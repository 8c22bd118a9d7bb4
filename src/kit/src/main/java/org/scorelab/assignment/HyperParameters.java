package org.scorelab.assignment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The choices a training method made that the sheets ask students to state in their report (iterations, batch size,
 * optimizer, learning rate, ...). The figures print them as a table beside the method's loss curve.
 */
public interface HyperParameters {
    /**
     * The method's choices, by name, in the order to print them; empty (the default) if the method does not state
     * them. Build it with {@link #of}.
     */
    default Map<String, Object> hyperParameters() {
        return Map.of();
    }

    /** An ordered map from alternating names and values: {@code of("iterations", 3000, "batch size", 512)}. */
    static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("hyper-parameters come in name, value pairs; got an odd number of arguments ("
                + namesAndValues.length + ")");
        }
        Map<String, Object> choices = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            choices.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return choices;
    }
}
