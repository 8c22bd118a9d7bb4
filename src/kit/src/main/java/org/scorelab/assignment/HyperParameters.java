package org.scorelab.assignment;

import java.math.BigDecimal;
import java.math.MathContext;
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

    /**
     * A value as the figures' table prints it: a number as a student writes it (issue 19), to 6 significant digits,
     * without a binary rounding's tail: 3e-4 computed as 3e-3 / 10 prints "0.0003", not "3.0000000000000003E-4"; 1e-5
     * prints "1e-5", 6000.0 prints "6000". Anything else as {@link String#valueOf(Object)}. Use it to build a text with
     * numbers in it: {@code format(lr) + " decaying to " + format(lr / 10)}.
     */
    static String format(Object value) {
        if (!(value instanceof Double || value instanceof Float)) {
            return String.valueOf(value);
        }
        double d = ((Number) value).doubleValue();
        if (!Double.isFinite(d) || d == 0) {
            return d == 0 ? "0" : String.valueOf(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros();
        double size = Math.abs(d);
        if (size >= 1e-4 && size < 1e7) {
            return rounded.toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        return rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
    }
}
