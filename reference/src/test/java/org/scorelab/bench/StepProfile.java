package org.scorelab.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;
import org.scorelab.dsm.DenoisingScoreMatching;
import org.scorelab.dsm.EnergyNetwork;
import org.scorelab.dsm.GaussianMixture;
import org.scorelab.dsm.NoiseSchedule;
import org.scorelab.dsm.api.MixtureSpec;
import org.scorelab.optim.Adam;
import org.scorelab.random.Rng;

/**
 * Where the time of one DSM training step of the reference goes: wall time per step, Java heap allocated per step, and
 * ND4J's own per-operation profile (count and time of each native operation, BLAS calls) over a number of steps.
 *
 * <p>Run: {@code mvn -B -q -pl reference exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.scorelab.bench.StepProfile -Dexec.args=1000}
 */
public final class StepProfile {
    private StepProfile() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Rng rng = new Rng(0);
        INDArray data = new GaussianMixture(MixtureSpec.SHEET).sample(10_000, rng.split());
        double[] levels = new NoiseSchedule().noiseLevels();
        EnergyNetwork network = new EnergyNetwork(rng.split());
        DenoisingScoreMatching dsm = new DenoisingScoreMatching();
        Adam adam = new Adam(network.parameters(), 1e-4);
        INDArray x = rng.rows(data, batch);
        Runnable step = () -> adam.step(() -> dsm.loss(network, x, levels, rng));
        for (int i = 0; i < 30; i++) {
            step.run();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytes = threads.getCurrentThreadAllocatedBytes();
        long t = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            step.run();
        }
        double ms = (System.nanoTime() - t) / 1e6 / steps;
        double kb = (threads.getCurrentThreadAllocatedBytes() - bytes) / 1024.0 / steps;
        System.out.printf(Locale.ROOT, "DSM step, batch %d: %.3f ms per step, %.0f KiB of Java heap per step%n", batch, ms, kb);
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
        OpProfiler.getInstance().reset();
        for (int i = 0; i < steps; i++) {
            step.run();
        }
        System.out.printf(Locale.ROOT, "ND4J operations per step: %.1f%n", OpProfiler.getInstance().getInvocationsCount() / (double) steps);
        OpProfiler.getInstance().printOutDashboard();
    }
}
