package org.scorelab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.dsm.DsmWorkloads;
import org.scorelab.ebm.EbmWorkloads;
import org.scorelab.random.Rng;

/**
 * The kit's side of the speed table of issue 20 ({@link DsmWorkloads}, {@link EbmWorkloads}); PyTorch's side is
 * reference/src/test/python/pytorch_speed.py, and reference/bench/speed-table.sh runs both and prints the table.
 * Each row: its warm-up steps, then {@value #REPEATS} repeats of its steps; printed are the median, the fastest and the
 * slowest repeat in ms per step, tab-separated after '#' lines of machine facts. The kit runs its native operations on
 * one thread whatever {@code OMP_NUM_THREADS} says (org.scorelab.autograd.NativeThreads); the facts show the threads.
 *
 * <p>Arguments: {@code quick} (one repeat of a tenth of the steps: checks that it runs, measures nothing), then
 * row-name prefixes to run only those rows. Run:
 * {@code mvn -B -q -pl reference exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.scorelab.bench.SpeedTable}
 */
public final class SpeedTable {
    static final int REPEATS = 5;

    private SpeedTable() {
    }

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        List<String> only = Arrays.asList(args).subList(quick ? 1 : 0, args.length);
        Rng rng = new Rng(0);
        List<Workload> rows = new ArrayList<>(DsmWorkloads.all(rng.split()));
        rows.addAll(EbmWorkloads.all(rng.split()));
        machineFacts().forEach(fact -> System.out.println("# " + fact));
        System.out.println("# workload\tmedian ms per step\tfastest\tslowest\tsteps x repeats");
        for (Workload w : rows) {
            if (only.isEmpty() || only.stream().anyMatch(w.name()::startsWith)) {
                int steps = quick ? Math.max(1, w.steps() / 10) : w.steps();
                int repeats = quick ? 1 : REPEATS;
                double[] ms = time(w.step(), quick ? (w.warmUp() + 9) / 10 : w.warmUp(), steps, repeats);
                System.out.println(String.format(Locale.ROOT, "%s\t%.3f\t%.3f\t%.3f\t%d x %d", w.name(), ms[0], ms[1], ms[2],
                    steps, repeats));
            }
        }
    }

    /** {median, fastest, slowest} over {@code repeats} repeats of ms per step, after {@code warmUp} steps. */
    static double[] time(Runnable step, int warmUp, int steps, int repeats) {
        for (int i = 0; i < warmUp; i++) {
            step.run();
        }
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                step.run();
            }
            ms[r] = (System.nanoTime() - start) / 1e6 / steps;
        }
        Arrays.sort(ms);
        return new double[] {ms[repeats / 2], ms[0], ms[repeats - 1]};
    }

    /** JDK, ND4J and its BLAS, the native threads, and the BLAS libraries this process has loaded. */
    static List<String> machineFacts() {
        List<String> facts = new ArrayList<>();
        facts.add(String.format("kit: JDK %s (%s), %s %s, %d processors", System.getProperty("java.runtime.version"),
            System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"),
            Runtime.getRuntime().availableProcessors()));
        facts.add(String.format("ND4J %s, %s, BLAS vendor %s (org.bytedeco openblas %s)", version("org.nd4j", "nd4j-api"),
            Nd4j.getBackend().getClass().getSimpleName(), Nd4j.factory().blas().getBlasVendor(),
            version("org.bytedeco", "openblas")));
        facts.add(String.format("threads: OMP_NUM_THREADS = %s, OpenMP max threads %d, ND4J master threads %d, BLAS max "
                + "threads %d", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"),
            org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(),
            Nd4j.getEnvironment().maxMasterThreads(), Nd4j.factory().blas().getMaxThreads()));
        try {
            Files.readAllLines(Path.of("/proc/self/maps")).stream().map(line -> line.replaceAll("^.* ", ""))
                .filter(file -> file.replaceAll("^.*/", "").toLowerCase(Locale.ROOT).contains("blas")).distinct()
                .forEach(file -> facts.add("loaded: " + file));
        } catch (IOException e) {
            facts.add("loaded BLAS libraries unknown (no /proc/self/maps)");
        }
        return facts;
    }

    /** The version in a jar's Maven descriptor, or "unknown". */
    private static String version(String group, String artifact) {
        try (InputStream in = SpeedTable.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
