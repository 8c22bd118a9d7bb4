package org.scorelab.grading.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What each graded test's outcome depends on in the grader's own class path, as a digest per test for the
 * {@link ResultsCache}: the bytes of the test's class (with its nested classes), of every other class of the suites
 * (helpers such as fixtures, message factories, the suites' own networks: a change to one reruns every test), and of
 * {@code shared} (the kit, the grader, the limits). A fix to one check changes only its class's tests' digests.
 */
public final class TestDigests {
    private TestDigests() {
    }

    /** Each test's digest, by {@link PlannedTest#id()}. */
    public static Map<String, String> of(List<PlannedTest> tests, List<Path> suiteRoots, String shared) {
        Set<String> testClasses = tests.stream().map(TestDigests::className).collect(Collectors.toSet());
        Map<String, byte[]> classes = new TreeMap<>();
        for (Path root : suiteRoots) {
            read(root, classes);
        }
        MessageDigest helpers = sha256();
        Map<String, MessageDigest> perClass = new HashMap<>();
        classes.forEach((name, bytes) -> {
            String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
            if (testClasses.contains(outer)) {
                perClass.computeIfAbsent(outer, k -> sha256()).update(bytes);
            } else {
                helpers.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                helpers.update(bytes);
            }
        });
        String helpersDigest = HexFormat.of().formatHex(helpers.digest());
        Map<String, String> classDigests = new HashMap<>();
        perClass.forEach((name, d) -> classDigests.put(name, HexFormat.of().formatHex(d.digest())));
        Map<String, String> digests = new HashMap<>();
        for (PlannedTest t : tests) {
            digests.put(t.id(), ResultsCache.sha256(String.join("\n", classDigests.getOrDefault(className(t), "?"),
                helpersDigest, shared)));
        }
        return digests;
    }

    /**
     * The digest of what a submission gives one assignment's tests: its compiled classes of that assignment's package
     * and the service registrations, under {@code classes}.
     */
    public static String inputs(Path classes, String assignment) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            Path pkg = classes.resolve("org/scorelab/" + assignment);
            if (Files.isDirectory(pkg)) {
                try (Stream<Path> walk = Files.walk(pkg)) {
                    for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                        files.put(classes.relativize(f).toString(), Files.readAllBytes(f));
                    }
                }
            }
            Path services = classes.resolve("META-INF/services");
            if (Files.isDirectory(services)) {
                try (Stream<Path> list = Files.list(services)) {
                    for (Path f : (Iterable<Path>) list.filter(p -> p.getFileName().toString().contains("." + assignment + "."))::iterator) {
                        files.put(classes.relativize(f).toString(), Files.readAllBytes(f));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MessageDigest d = sha256();
        files.forEach((name, bytes) -> {
            d.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            d.update(bytes);
        });
        return HexFormat.of().formatHex(d.digest());
    }

    /** {@code org/scorelab/suites/dsm/MixtureSamplingTests} for {@code dsm.MixtureSamplingTests.someCheck}. */
    private static String className(PlannedTest t) {
        return "org/scorelab/suites/" + t.id().substring(0, t.id().lastIndexOf('.')).replace('.', '/');
    }

    /** Every class file under a class path root (a folder or a jar), by its path without ".class". */
    private static void read(Path root, Map<String, byte[]> into) {
        try {
            if (Files.isDirectory(root)) {
                collect(root, into);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + root.toUri()), Map.of())) {
                    collect(jar.getPath("/"), into);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the suites at " + root, e);
        }
    }

    private static void collect(Path root, Map<String, byte[]> into) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(f).toString().replace('\\', '/');
                into.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(f));
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
