package org.scorelab.handin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips a student's task files for upload: every {@code .java} file of the assignment packages (not their
 * sub-packages) under a source root, as {@code org/scorelab/dsm/GaussianMixture.java} and so on. The grader matches
 * each file by its {@code package} line, so this zip is exactly what it reads. The handout's build runs it with
 * {@code mvn -q compile exec:java@hand-in}.
 */
public final class HandIn {
    private HandIn() {
    }

    /**
     * @param args the source root (e.g. {@code assignment/src/main/java}), the zip to write, then the assignment
     *     packages (e.g. {@code org.scorelab.dsm org.scorelab.ebm}); a package with no folder is skipped
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("HandIn needs a source root, the zip to write and at least one package,"
                + " e.g. src/main/java submission.zip org.scorelab.dsm; got " + List.of(args));
        }
        Path root = Path.of(args[0]);
        Path zip = Path.of(args[1]).toAbsolutePath().normalize();
        List<String> files = write(root, zip, List.of(args).subList(2, args.length));
        System.out.println("Wrote " + zip + " with " + files.size() + " files:");
        files.forEach(f -> System.out.println("  " + f));
        System.out.println("Upload this zip (and your report, see README.md).");
    }

    /**
     * Writes the zip and returns its entries, in order.
     *
     * @param root the source root
     * @param zip the zip to write (replaced if it exists)
     * @param packages the assignment packages, e.g. {@code org.scorelab.dsm}
     */
    public static List<String> write(Path root, Path zip, List<String> packages) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("HandIn: no source folder " + root.toAbsolutePath()
                + "; run it from the handout's folder (mvn -q compile exec:java@hand-in).");
        }
        List<Path> sources = new ArrayList<>();
        for (String pkg : packages) {
            Path dir = root.resolve(pkg.replace('.', '/'));
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p))
                        .sorted().forEach(sources::add);
                }
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("HandIn: no .java file in " + packages + " under " + root.toAbsolutePath());
        }
        List<String> entries = new ArrayList<>();
        Path partial = zip.resolveSibling(zip.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Path source : sources) {
                String entry = root.relativize(source).toString().replace('\\', '/');
                z.putNextEntry(new ZipEntry(entry));
                z.write(Files.readAllBytes(source));
                z.closeEntry();
                entries.add(entry);
            }
        }
        Files.move(partial, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return entries;
    }
}
