package org.scorelab.bench;

import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.scorelab.autograd.Scratch;
import org.scorelab.autograd.Tensor;

public class KernelProbe {
    static void time(String name, Supplier<INDArray> op) {
        Supplier<INDArray> ten = () -> { INDArray r = null; for (int i = 0; i < 10; i++) r = op.get(); return r; };
        for (int i = 0; i < 5; i++) Scratch.computeDouble(() -> { ten.get(); return 0; });
        long t = System.nanoTime();
        int reps = 20;
        for (int i = 0; i < reps; i++) Scratch.computeDouble(() -> { ten.get(); return 0; });
        System.out.printf("%-28s %.3f ms%n", name, (System.nanoTime() - t) / 1e6 / reps / 10);
    }
    public static void main(String[] a) {
        Tensor.constant(0.0);
        int n = Integer.parseInt(a[0]);
        INDArray c = Nd4j.rand(DataType.DOUBLE, n, 64).subi(0.5);
        INDArray f = c.dup('f');
        INDArray c2 = Nd4j.rand(DataType.DOUBLE, n, 64);
        INDArray f2 = c2.dup('f');
        INDArray b = Nd4j.rand(DataType.DOUBLE, 64);
        INDArray W = Nd4j.rand(DataType.DOUBLE, 64, 64);
        INDArray x3 = Nd4j.rand(DataType.DOUBLE, n, 3);
        INDArray W1 = Nd4j.rand(DataType.DOUBLE, 64, 3);
        time("gemm c x W^T -> c", () -> { INDArray o = Nd4j.createUninitialized(DataType.DOUBLE, new long[]{n, 64}, 'c'); Nd4j.gemm(c, W, o, false, true, 1, 0); return o; });
        time("gemm c x W -> c", () -> { INDArray o = Nd4j.createUninitialized(DataType.DOUBLE, new long[]{n, 64}, 'c'); Nd4j.gemm(c, W, o, false, false, 1, 0); return o; });
        time("gemm c^T c -> c", () -> { INDArray o = Nd4j.createUninitialized(DataType.DOUBLE, new long[]{64, 64}, 'c'); Nd4j.gemm(c, c2, o, true, false, 1, 0); return o; });
        time("mmul c x W", () -> c.mmul(W));
        INDArray tiny = Nd4j.rand(DataType.DOUBLE, 4, 2);
        time("tiny mul", () -> tiny.mul(tiny));
        time("tiny add scalar", () -> tiny.add(1.0));
        time("c muli", () -> c.dup().muli(c2));
        time("mul c*c", () -> c.mul(c2));
        time("mul f*f", () -> f.mul(f2));
        time("mul f*c", () -> f.mul(c2));
        time("mul c*f", () -> c.mul(f2));
        time("add bias c", () -> c.add(b));
        time("add bias f", () -> f.add(b));
        time("addRowVector f", () -> f.addRowVector(b));
        time("elu c", () -> Transforms.elu(c, true));
        time("elu f", () -> Transforms.elu(f, true));
        time("exp c", () -> Transforms.exp(c, true));
        time("min0 c", () -> Transforms.min(c, 0.0, true));
        time("min0+1 c", () -> Transforms.min(c, 0.0, true).addi(1.0));
        time("lt cast", () -> c.lt(0.0).castTo(DataType.DOUBLE));
        time("sum0 f", () -> f.sum(true, 0));
        time("sum0 c", () -> c.sum(true, 0));
        time("gemm f x W^T", () -> { INDArray o = Nd4j.createUninitialized(DataType.DOUBLE, new long[]{n, 64}, 'f'); Nd4j.gemm(f, W, o, false, true, 1, 0); return o; });
        time("gemm c x W^T", () -> { INDArray o = Nd4j.createUninitialized(DataType.DOUBLE, new long[]{n, 64}, 'f'); Nd4j.gemm(c, W, o, false, true, 1, 0); return o; });
        time("gemm g^T a (W grad)", () -> { INDArray o = Nd4j.createUninitialized(DataType.DOUBLE, new long[]{64, 64}, 'f'); Nd4j.gemm(f, f2, o, true, false, 1, 0); return o; });
        time("gemm x3 W1^T", () -> { INDArray o = Nd4j.createUninitialized(DataType.DOUBLE, new long[]{n, 64}, 'f'); Nd4j.gemm(x3, W1, o, false, true, 1, 0); return o; });
        time("create f", () -> Nd4j.createUninitialized(DataType.DOUBLE, new long[]{n, 64}, 'f'));
        time("valueArrayOf", () -> Nd4j.valueArrayOf(new long[]{n, 1}, 1.0));
    }
}
