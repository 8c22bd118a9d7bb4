package org.scorelab.autograd;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.ShapeInfoProvider;
import org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's shape-information provider with the cache its CPU backend forgets on the path every new array takes.
 *
 * <p>Why by hand: in ND4J 1.0.0-M2.1 every array constructor asks the provider for
 * {@code createShapeInformation(shape, stride, ews, order, dataType, empty)}, an overload that
 * {@link DirectShapeInfoProvider} does not override, so its cache is never consulted. Each new array then allocates
 * two JavaCPP pointers, and each JavaCPP allocation reads {@code /proc/self/statm} (JavaCPP's physical-memory guard).
 * That took about a quarter of the kit's DSM training step at batch 128 (JFR, docs/performance.md). No ND4J setting
 * turns the cache on for this overload, so this class does it.
 *
 * <p>What is cached is what ND4J itself treats as shared: the shape buffer is the pointer that libnd4j keeps in its
 * own constant shape cache (the same native memory for every array of that shape) and is marked constant. The Java
 * copy of the shape information is cloned on every call, so no caller can change another array's copy. The cache is
 * bounded: past {@link #MAX_ENTRIES} shapes it is emptied and starts again (a long session of changing batch sizes
 * must not grow it without end; libnd4j's native cache keeps its entries whatever we do).
 */
final class ShapeInfoCache extends DirectShapeInfoProvider {
    static final int MAX_ENTRIES = 4096;

    private record Key(long[] shape, long[] stride, long elementWiseStride, char order, DataType type, boolean empty) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && elementWiseStride == k.elementWiseStride && order == k.order
                && type == k.type && empty == k.empty && Arrays.equals(shape, k.shape) && Arrays.equals(stride, k.stride);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(stride))
                + Long.hashCode(elementWiseStride) + order + type.ordinal() + (empty ? 1 : 0);
        }
    }

    private final Map<Key, Pair<DataBuffer, long[]>> cache = new ConcurrentHashMap<>();

    private ShapeInfoCache() {
    }

    /**
     * Puts the cache in front of ND4J's provider, once. If ND4J's field cannot be reached (another ND4J version),
     * ND4J keeps its own provider: arrays are made as before, only slower.
     */
    static void install() {
        try {
            Field provider = Nd4j.class.getDeclaredField("shapeInfoProvider");
            provider.setAccessible(true);
            ShapeInfoProvider current = (ShapeInfoProvider) provider.get(null);
            if (current != null && current.getClass() == DirectShapeInfoProvider.class) {
                provider.set(null, new ShapeInfoCache());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // leave ND4J's provider in place
        }
    }

    @Override
    public Pair<DataBuffer, long[]> createShapeInformation(long[] shape, long[] stride, long elementWiseStride,
                                                           char order, DataType dataType, boolean empty) {
        Pair<DataBuffer, long[]> info = cache.get(new Key(shape, stride, elementWiseStride, order, dataType, empty));
        if (info == null) {
            info = super.createShapeInformation(shape, stride, elementWiseStride, order, dataType, empty);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            // the caller's arrays are copied into the key: a caller may reuse them
            cache.put(new Key(shape.clone(), stride.clone(), elementWiseStride, order, dataType, empty), info);
        }
        return Pair.create(info.getFirst(), info.getSecond().clone());
    }

    int size() {
        return cache.size();
    }
}
