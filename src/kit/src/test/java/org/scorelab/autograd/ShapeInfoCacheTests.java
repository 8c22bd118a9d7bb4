package org.scorelab.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The shape-information cache the kit puts in front of ND4J's provider ({@link ShapeInfoCache}). */
class ShapeInfoCacheTests {
    static {
        Precision.useDouble();
    }

    @Test
    void isInstalledOnceTheKitHasSetUpNd4j() {
        assertThat(Nd4j.getShapeInfoProvider()).isInstanceOf(ShapeInfoCache.class);
    }

    @Test
    void arraysOfOneShapeShareTheNativeShapeBufferAndDescribeTheirOwnShape() {
        INDArray a = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {37, 5}, 'f');
        INDArray b = Nd4j.zeros(DataType.DOUBLE, 37, 5).dup('f');
        INDArray rowMajor = Nd4j.zeros(DataType.DOUBLE, 37, 5);
        assertThat(a.shapeInfoDataBuffer()).isSameAs(b.shapeInfoDataBuffer());
        assertThat(rowMajor.shapeInfoDataBuffer()).isNotSameAs(a.shapeInfoDataBuffer());
        assertThat(a.ordering()).isEqualTo('f');
        assertThat(rowMajor.ordering()).isEqualTo('c');
        assertThat(b.stride()).containsExactly(1, 37);
        assertThat(rowMajor.stride()).containsExactly(5, 1);
        b.addi(2.0);
        assertThat(b.sumNumber().doubleValue()).isEqualTo(2.0 * 37 * 5);
    }

    @Test
    void theJavaCopyOfTheShapeIsEachCallersOwn() {
        ShapeInfoCache cache = (ShapeInfoCache) Nd4j.getShapeInfoProvider();
        long[] shape = {3, 4};
        long[] stride = {4, 1};
        Pair<DataBuffer, long[]> first = cache.createShapeInformation(shape, stride, 1, 'c', DataType.DOUBLE, false);
        first.getSecond()[1] = 99;
        shape[0] = 7;
        Pair<DataBuffer, long[]> second = cache.createShapeInformation(new long[] {3, 4}, stride, 1, 'c', DataType.DOUBLE, false);
        assertThat(second.getFirst()).isSameAs(first.getFirst());
        assertThat(second.getSecond()[1]).isEqualTo(3);
    }

    @Test
    void holdsAtMostItsBoundOfShapes() {
        ShapeInfoCache cache = (ShapeInfoCache) Nd4j.getShapeInfoProvider();
        for (int n = 1; n <= ShapeInfoCache.MAX_ENTRIES + 10; n++) {
            cache.createShapeInformation(new long[] {n, 3}, new long[] {3, 1}, 1, 'c', DataType.DOUBLE, false);
        }
        assertThat(cache.size()).isBetween(1, ShapeInfoCache.MAX_ENTRIES);
        INDArray afterwards = Nd4j.ones(DataType.DOUBLE, 2, 3);
        assertThat(afterwards.sumNumber().doubleValue()).isEqualTo(6.0);
    }
}
