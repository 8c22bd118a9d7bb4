package org.scorelab.autograd;

/** The kit's matrix products ({@link Gemm}) counted, for the benchmark ({@code org.scorelab.bench.OpCounts}). */
public final class GemmCounts {
    private GemmCounts() {
    }

    public static void reset() {
        Gemm.calls = 0;
        Gemm.multiplyAdds = 0;
    }

    public static long calls() {
        return Gemm.calls;
    }

    public static long multiplyAdds() {
        return Gemm.multiplyAdds;
    }
}
