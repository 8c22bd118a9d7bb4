package org.scorelab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;
import org.scorelab.autograd.GemmCounts;
import org.scorelab.dsm.DsmWorkloads;
import org.scorelab.ebm.EbmWorkloads;
import org.scorelab.random.Rng;

/**
 * ND4J operations per step of each speed-table row but annealed Langevin, and the kit's matrix products (direct BLAS
 * calls, which ND4J's profiler does not see) with their multiply-adds: counts, not timings, so it runs on a loaded
 * machine too. Compare {@code -Dscorelab.fusedMlp=false} (every network layer by layer) with the default, and the
 * products with PyTorch's (reference/src/test/python/pytorch_products.py).
 *
 * <p>Run: {@code mvn -B -q -pl reference exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.scorelab.bench.OpCounts}
 */
public final class OpCounts {
    private OpCounts() {
    }

    public static void main(String[] args) {
        Rng rng = new Rng(0);
        List<Workload> rows = new ArrayList<>(DsmWorkloads.all(rng.split()));
        rows.addAll(EbmWorkloads.all(rng.split()));
        for (Workload row : rows) {
            if (row.name().startsWith("annealed_langevin")) {
                continue;
            }
            for (int i = 0; i < 3; i++) {
                row.step().run();
            }
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
            OpProfiler.getInstance().reset();
            GemmCounts.reset();
            int steps = 5;
            for (int i = 0; i < steps; i++) {
                row.step().run();
            }
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
            System.out.printf(Locale.ROOT, "%-28s %6.1f ND4J operations, %5.1f BLAS products, %8.2f million multiply-adds per step%n",
                row.name(), OpProfiler.getInstance().getInvocationsCount() / (double) steps, GemmCounts.calls() / (double) steps,
                GemmCounts.multiplyAdds() / 1e6 / steps);
        }
    }
}
