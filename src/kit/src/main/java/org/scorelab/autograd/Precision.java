package org.scorelab.autograd;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes double precision ND4J's default, once per JVM. ND4J's default is float32: an array made with
 * {@code Nd4j.valueArrayOf(shape, v)} before this runs is single precision, and mixing it with double arrays fails
 * ("Expected: [DOUBLE]; Actual: [DOUBLE, FLOAT]") or silently loses digits. The kit's entry points (Tensor, Rng,
 * MixtureSpec, NoiseLevels, Grid, DsmSolution.load) call it from their static initialisers, so it has run before any
 * array a student or a check creates.
 */
public final class Precision {
    private static volatile boolean done;

    private Precision() {
    }

    /** Sets double precision as ND4J's default data type (idempotent, cheap after the first call). */
    public static void useDouble() {
        if (!done) {
            synchronized (Precision.class) {
                if (!done) {
                    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
                    NativeThreads.configure();
                    ShapeInfoCache.install();
                    done = true;
                }
            }
        }
    }
}
