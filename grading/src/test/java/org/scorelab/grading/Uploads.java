package org.scorelab.grading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.scorelab.grading.intake.TemplateSources;

/** Builds uploads for the grader's tests: the template with one task body replaced, zips, the bundled examples. */
public final class Uploads {
    public static final TemplateSources TEMPLATE = TemplateSources.bundled();
    public static final String MIXTURE = "org/scorelab/dsm/GaussianMixture.java";

    private Uploads() {
    }

    /** The bundled example class (the Moodle download layout). */
    public static Path exampleClass() {
        Path p = Path.of("examples/class");
        if (!Files.isDirectory(p)) {
            p = Path.of("grading/examples/class");
        }
        return p.toAbsolutePath();
    }

    /** The bundled example submission of the student whose folder starts with {@code name}. */
    public static Path example(String name) {
        try (var list = Files.list(exampleClass())) {
            return list.filter(p -> p.getFileName().toString().startsWith(name)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template's GaussianMixture with the body of {@code sample} (Task 1.1) replaced by {@code body}. */
    public static String mixtureWithSample(String body) {
        String source = TEMPLATE.source(MIXTURE);
        String marker = "throw new NotImplemented(\"1.1\");";
        int at = source.indexOf(marker);
        return source.substring(0, at) + body + source.substring(at + marker.length());
    }

    /** The repository's root: the parent folder under surefire (which runs in {@code grading/}), else the working folder. */
    public static Path repository() {
        return Files.isDirectory(Path.of("misconceptions")) ? Path.of("..") : Path.of(".");
    }

    /** The reference's files that the template has, by path under the source root ({@code reference/src/main/java}). */
    public static Map<String, String> referenceSources() {
        Map<String, String> files = new java.util.TreeMap<>();
        for (String path : TEMPLATE.files().keySet()) {
            try {
                files.put(path, Files.readString(repository().resolve("reference/src/main/java").resolve(path)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** Writes {@code files} (name to text) as loose files into a new folder. */
    public static Path folder(Path parent, String name, Map<String, String> files) {
        try {
            Path dir = Files.createDirectories(parent.resolve(name));
            for (var e : files.entrySet()) {
                Path f = dir.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the files of a (flat) example folder into {@code target}, created if missing; returns {@code target}. */
    public static Path copy(Path from, Path target) {
        try (var files = Files.list(from)) {
            Files.createDirectories(target);
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of {@code entries} (entry name to bytes), in order. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
