package org.scorelab.grading.similarity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.scorelab.grading.Uploads;

/**
 * Measures what docs/similarity.md reports: the similarity of every independent pair and every copy pair of the corpus
 * ({@link SimilarityCorpus}), per assignment, and the time of a class of 30 (the corpus, the example class, and the
 * corpus's uploads again under other names), projected to 300 by JPlag's pair count n(n-1)/2. Run with
 * {@code mvn -B -q -pl grading test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.scorelab.grading.similarity.SimilarityBench}.
 */
public final class SimilarityBench {
    private SimilarityBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("similarity-bench");
        try {
            if (args.length > 0 && args[0].equals("stability")) {
                stability(dir, 5);
                return;
            }
            timing(dir, 30); // first, in a cold JVM, as the merge job runs it
            timing(dir, 300);
            distributions(dir);
            stability(dir, 3);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void distributions(Path dir) throws Exception {
        Path classFolder = SimilarityCorpus.classFolder(dir.resolve("corpus"));
        SimilarityResult r = new SimilarityCheck(SimilarityCheck.DEFAULT_THRESHOLD, List.of())
            .run(classFolder, dir.resolve("corpus-out"));
        System.out.println();
        r.summary().forEach(System.out::println);
        for (AssignmentResult a : r.assignments()) {
            List<String> copies = new ArrayList<>();
            List<String> independent = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (SimilarPair p : a.pairs()) {
                String line = String.format(Locale.ROOT, "%.3f (max %.3f) %s ~ %s", p.similarity(), p.maxSimilarity(),
                    p.a().student().name(), p.b().student().name());
                String x = p.a().student().name();
                String y = p.b().student().name();
                if (SimilarityCorpus.copied(x, y)) {
                    copies.add(line);
                } else if (author(x) && author(y)) {
                    independent.add(line);
                } else {
                    other.add(line);
                }
            }
            System.out.printf(Locale.ROOT, "%n== %s: %d pairs; copies %d, independent %d, with a template or an empty"
                + " submission %d%n", a.assignment(), a.pairs().size(), copies.size(), independent.size(), other.size());
            System.out.println("-- copies (lowest last)");
            copies.forEach(System.out::println);
            System.out.println("-- independent (highest first)");
            independent.stream().limit(12).forEach(System.out::println);
            System.out.println("   ... " + Math.max(0, independent.size() - 12) + " more; lowest: "
                + (independent.isEmpty() ? "" : independent.get(independent.size() - 1)));
            System.out.println("-- with the untouched template (highest first)");
            other.stream().limit(3).forEach(System.out::println);
            System.out.println("-- histogram of average similarity, bins of 0.1: independent | copies");
            for (int bin = 0; bin < 10; bin++) {
                double lo = bin / 10.0;
                System.out.printf(Locale.ROOT, "   [%.1f, %.1f%s  %3d | %3d%n", lo, lo + 0.1, bin == 9 ? "]" : ")",
                    count(a.pairs(), lo, bin, false), count(a.pairs(), lo, bin, true));
            }
        }
        r.notCompared().forEach(n -> System.out.println("not compared: " + n));
    }

    /** Runs the corpus {@code runs} times and prints the largest difference of a pair's similarity between runs. */
    private static void stability(Path dir, int runs) throws Exception {
        Path classFolder = SimilarityCorpus.classFolder(dir.resolve("stability"));
        java.util.Map<String, double[]> range = new java.util.TreeMap<>();
        for (int run = 0; run < runs; run++) {
            SimilarityResult r = new SimilarityCheck(SimilarityCheck.DEFAULT_THRESHOLD, List.of())
                .run(classFolder, dir.resolve("stability-out"));
            for (SimilarPair p : r.assignments().stream().flatMap(a -> a.pairs().stream()).toList()) {
                double[] lohi = range.computeIfAbsent(p.assignment() + " " + p.a().label() + " ~ " + p.b().label(),
                    k -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
                lohi[0] = Math.min(lohi[0], p.similarity());
                lohi[1] = Math.max(lohi[1], p.similarity());
            }
        }
        var widest = range.entrySet().stream().max(java.util.Comparator.comparingDouble(e -> e.getValue()[1] - e.getValue()[0]))
            .orElseThrow();
        System.out.printf(Locale.ROOT, "%n== %d runs of the corpus: %d pairs, the largest difference between runs %.4f (%s)%n",
            runs, range.size(), widest.getValue()[1] - widest.getValue()[0], widest.getKey());
    }

    /** A corpus student or Ada: someone who wrote (or copied) task code, not a template or a broken upload. */
    private static boolean author(String name) {
        return SimilarityCorpus.copyOf().containsKey(name) || name.equals(SimilarityCorpus.ADA);
    }

    private static long count(List<SimilarPair> pairs, double lo, int bin, boolean copies) {
        return pairs.stream().filter(p -> author(p.a().student().name()) && author(p.b().student().name()))
            .filter(p -> SimilarityCorpus.copied(p.a().student().name(), p.b().student().name()) == copies)
            .filter(p -> p.similarity() >= lo && (bin == 9 ? p.similarity() <= 1 : p.similarity() < lo + 0.1)).count();
    }

    /** A class of {@code n}: the corpus and the example class, topped up with the corpus's uploads under other names. */
    private static void timing(Path dir, int n) throws Exception {
        Path classFolder = SimilarityCorpus.classFolder(dir.resolve("class-" + n));
        try (Stream<Path> example = Files.list(Uploads.exampleClass())) {
            for (Path s : (Iterable<Path>) example.filter(Files::isDirectory)::iterator) {
                if (!Files.exists(classFolder.resolve(s.getFileName()))) {
                    SimilarityCorpus.copyTree(s, classFolder.resolve(s.getFileName()));
                }
            }
        }
        List<Path> corpus;
        try (Stream<Path> list = Files.list(SimilarityCorpus.resources().resolve("class"))) {
            corpus = list.sorted().toList();
        }
        for (int i = 0; countIn(classFolder) < n; i++) {
            SimilarityCorpus.copyTree(corpus.get(i % corpus.size()),
                classFolder.resolve(String.format(Locale.ROOT, "Extra Student%03d_%d_assignsubmission_file_", i, 300100 + i)));
        }
        long start = System.nanoTime();
        SimilarityResult r = new SimilarityCheck(SimilarityCheck.DEFAULT_THRESHOLD, List.of())
            .run(classFolder, dir.resolve("class-" + n + "-out"));
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%n== a class of %d submission folders: %.1f s in all (reading the uploads too)%n",
            countIn(classFolder), total);
        double perPairs = 0;
        double rest = total;
        for (AssignmentResult a : r.assignments()) {
            System.out.printf(Locale.ROOT, "   %s: %d submissions, %d pairs, comparing %.2f s, the assignment in all %.2f s%n",
                a.assignment(), a.compared(), a.pairs().size(), a.comparingSeconds(), a.seconds());
            long m = 300L * a.compared() / n;
            perPairs += a.comparingSeconds() * (m * (m - 1) / 2.0) / Math.max(1, a.pairs().size());
            rest -= a.comparingSeconds();
        }
        if (n != 300) {
            System.out.printf(Locale.ROOT, "   projected to 300: comparing %.1f s (times the pair count) + the rest %.1f s"
                + " (times %d, linear) = %.0f s%n", perPairs, rest * 300 / n, 300 / n, perPairs + rest * 300 / n);
        }
    }

    private static long countIn(Path classFolder) throws Exception {
        try (Stream<Path> list = Files.list(classFolder)) {
            return list.count();
        }
    }
}
