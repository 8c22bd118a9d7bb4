package org.scorelab.grading.fairness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The choices the dsm and ebm sheets leave to students, sampled: a draw is one student's choices for both sheets.
 * Draw {@code i} of seed {@code s} is the same on every machine. The plain draws are what a student writes from the
 * sheet alone (no input scaling, no division by sigma, no averaging, no antithetic noise, Adam at 1e-3, a few thousand
 * iterations).
 */
public final class ChoiceSpace {
    /** The seed of the documented long runs (docs/fairness.md). */
    public static final long SEED = 16;

    private ChoiceSpace() {
    }

    /** One draw: a name to find it again by, and the choices for each sheet. */
    public record Draw(String name, DsmChoices dsm, EbmChoices ebm) {
        @Override
        public String toString() {
            return name + ": dsm " + dsm + " | ebm " + ebm;
        }
    }

    /** Draw {@code index} of {@code seed}, named {@code s<seed>-<index>}. */
    public static Draw draw(long seed, int index) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        return new Draw("s" + seed + "-" + index, DsmChoices.draw(r.split()), EbmChoices.draw(r.split()));
    }

    /** Draws 0 to count - 1 of {@code seed}. */
    public static List<Draw> draws(long seed, int count) {
        List<Draw> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(draw(seed, i));
        }
        return out;
    }

    /**
     * The plain draws: the sheet's usual levels with a small ELU network trained on the whole data set (the sheet
     * trains "by sampling random noise levels for each data point in each iteration"), the same with minibatches of
     * 128 and a SiLU network, and other levels with a tanh network.
     */
    public static List<Draw> plain() {
        return List.of(
            new Draw("plain-1", DsmChoices.plain(0.01, 1, 10, List.of(64, 64), "ELU", Training.plain(2000, 0)), EbmChoices.plain(0)),
            new Draw("plain-2", DsmChoices.plain(0.01, 1, 10, List.of(32, 32), "SILU", Training.plain(5000, 128)), EbmChoices.plain(1)),
            new Draw("plain-3", DsmChoices.plain(0.02, 2, 20, List.of(64, 64, 64), "TANH", Training.plain(3000, 512)), EbmChoices.plain(0)));
    }

    /**
     * Prints draws: {@code [count [seed]]} lists the plain draws and draws 0..count-1 (default 10 of {@link #SEED});
     * {@code source NAME FILE} prints one generated file of a draw (e.g. {@code source s16-3 org/scorelab/dsm/EnergyNetwork.java});
     * {@code class DIR count [seed]} writes the plain draws and draws 0..count-1 as a class folder in Moodle's layout
     * (one {@code Draw <name>_<id>_assignsubmission_file_} folder each), to grade with the grader's {@code class}
     * command (issue 18's throughput measurement, issue 16's public-and-hidden draws).
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("source")) {
            var sources = CorrectSubmissions.sources(named(args[1]));
            if (!sources.containsKey(args[2])) {
                // Not "null" and exit 0: DocCommandsTests runs docs/fairness.md's source command as written.
                throw new IllegalArgumentException("draw " + args[1] + " has no file " + args[2] + "; its files: "
                    + String.join(", ", new java.util.TreeSet<>(sources.keySet())));
            }
            System.out.print(sources.get(args[2]));
            return;
        }
        if (args.length >= 3 && args[0].equals("class")) {
            writeClass(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Long.parseLong(args[3]) : SEED);
            return;
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : SEED;
        plain().forEach(System.out::println);
        draws(seed, count).forEach(System.out::println);
    }

    /** Writes the plain draws and draws 0..count-1 of {@code seed} into {@code dir}, one Moodle folder per draw. */
    static void writeClass(Path dir, int count, long seed) throws IOException {
        List<Draw> all = new ArrayList<>(plain());
        all.addAll(draws(seed, count));
        for (int i = 0; i < all.size(); i++) {
            Path folder = dir.resolve("Draw " + all.get(i).name() + "_" + (300001 + i) + "_assignsubmission_file_");
            for (var file : CorrectSubmissions.sources(all.get(i)).entrySet()) {
                Path f = folder.resolve(file.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, file.getValue());
            }
        }
        System.out.println(all.size() + " submissions in " + dir);
    }

    /** A draw by name: {@code plain-<k>} or {@code s<seed>-<index>}. */
    public static Draw named(String name) {
        if (name.startsWith("plain-")) {
            return plain().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no plain draw " + name));
        }
        if (!name.matches("s\\d+-\\d+")) {
            throw new IllegalArgumentException("a draw is named plain-<k> or s<seed>-<index>, got " + name);
        }
        String[] parts = name.substring(1).split("-");
        return draw(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
    }
}
