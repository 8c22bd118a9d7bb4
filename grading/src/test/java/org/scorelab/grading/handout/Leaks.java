package org.scorelab.grading.handout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Scans a handout, every file and every entry of every jar or zip in it, for what students must not get, read from
 * the repository at scan time:
 * <ul>
 *   <li>a file byte-identical to a source or class of the reference that differs from the template's (the files the
 *       two share, such as {@code Solution.java}, are the template's too);</li>
 *   <li>a file byte-identical to any file of the hidden suites (unless the public suites, the kit or the template have
 *       it too), or a source or class named like one of the hidden suites' classes;</li>
 *   <li>a name with "rubric" in it, the grader's package in a text, or a pom that names an internal module.</li>
 * </ul>
 */
final class Leaks {
    private final Map<String, String> forbiddenContent = new HashMap<>();
    private final Set<String> hiddenClasses = new HashSet<>();

    private Leaks(Path repo) throws IOException {
        forbidDiffering(repo.resolve("reference/src/main"), repo.resolve("student-template/src/main"), "reference source");
        forbidDiffering(repo.resolve("reference/target/classes"), repo.resolve("student-template/target/classes"),
            "reference class");
        for (Path root : List.of(repo.resolve("src/hidden-suites/src/main"), repo.resolve("src/hidden-suites/target/classes"))) {
            for (Path f : files(root)) {
                forbiddenContent.put(sha(Files.readAllBytes(f)), "hidden suites' " + root.relativize(f));
                String name = f.getFileName().toString();
                if (name.endsWith(".java") && !name.equals("package-info.java")) {
                    hiddenClasses.add(name.substring(0, name.length() - ".java".length()));
                }
            }
        }
        // What students do get may equal a forbidden file (the hidden and the public suites' package-info.class).
        for (Path root : List.of(repo.resolve("src/suites/src/main"), repo.resolve("src/suites/target/classes"),
            repo.resolve("src/kit/src/main"), repo.resolve("src/kit/target/classes"),
            repo.resolve("student-template/src/main"), repo.resolve("student-template/target/classes"))) {
            for (Path f : files(root)) {
                forbiddenContent.remove(sha(Files.readAllBytes(f)));
            }
        }
        assertThat(hiddenClasses).as("the hidden suites' classes, read from %s", repo).isNotEmpty();
    }

    /** Fails with every leak found in {@code handout}. */
    static void assertNone(Path handout, Path repo) throws IOException {
        assertThat(find(handout, repo)).as("what students must not get, in %s", handout).isEmpty();
    }

    /** Every leak in {@code handout}, one sentence each. */
    static List<String> find(Path handout, Path repo) throws IOException {
        Leaks leaks = new Leaks(repo);
        List<String> found = new ArrayList<>();
        for (Path f : files(handout)) {
            leaks.check(handout.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f), found);
        }
        return found;
    }

    private void check(String path, byte[] bytes, List<String> found) throws IOException {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String leak = forbiddenContent.get(sha(bytes));
        if (leak != null && bytes.length > 0) {
            found.add(path + " is the " + leak);
        }
        String simple = name.replaceFirst("(\\$.*)?\\.(java|class)$", "");
        if ((name.endsWith(".java") || name.endsWith(".class")) && hiddenClasses.contains(simple)
            && path.contains("org/scorelab/suites/")) {
            found.add(path + " is a hidden suites' class");
        }
        if (path.toLowerCase(Locale.ROOT).contains("rubric")) {
            found.add(path + " is a rubric");
        }
        if (name.endsWith(".java") || name.endsWith(".md") || name.endsWith(".xml") || name.endsWith(".properties")) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.contains("org.scorelab.grading")) {
                found.add(path + " names the grader's package");
            }
            if (name.equals("pom.xml")) {
                Poms.FORBIDDEN.stream().filter(text::contains).forEach(m -> found.add(path + " names " + m));
            }
        }
        if (name.endsWith(".jar") || name.endsWith(".zip")) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (!e.isDirectory()) {
                        check(path + "!/" + e.getName(), zip.readAllBytes(), found);
                    }
                }
            }
        }
    }

    /** Forbids the files under {@code reference} that the template does not have byte for byte at the same path. */
    private void forbidDiffering(Path reference, Path template, String what) throws IOException {
        for (Path f : files(reference)) {
            Path twin = template.resolve(reference.relativize(f).toString());
            byte[] bytes = Files.readAllBytes(f);
            if (!Files.isRegularFile(twin) || !java.util.Arrays.equals(bytes, Files.readAllBytes(twin))) {
                forbiddenContent.put(sha(bytes), what + " " + reference.relativize(f));
            }
        }
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
