package org.scorelab.grading;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Predicate;

/** Local Maven repositories for the tests that run Maven as a user would: copies of the build's own repository. */
public final class LocalRepositories {
    private LocalRepositories() {
    }

    /**
     * {@code from}'s artifacts in {@code to}, but the scorelab ones (possibly stale: each test installs this build's)
     * and the files {@code drop} names. Jars are hard links where the file system allows (Maven never rewrites one),
     * everything else a copy (Maven may rewrite metadata). A file the running build replaces or deletes while it is
     * copied (a download or status file) is skipped.
     */
    public static Path copyDependencies(Path from, Path to, Predicate<Path> drop) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (from.relativize(dir).startsWith(Path.of("org", "scorelab"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (drop.test(file)) {
                    return FileVisitResult.CONTINUE;
                }
                Path target = to.resolve(from.relativize(file).toString());
                if (file.getFileName().toString().endsWith(".jar")) {
                    try {
                        Files.createLink(target, file);
                        return FileVisitResult.CONTINUE;
                    } catch (IOException | UnsupportedOperationException e) {
                        // Another file system, or no hard links: copy instead.
                    }
                }
                try {
                    Files.copy(file, target);
                } catch (NoSuchFileException e) {
                    // Gone while copying.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return to;
    }
}
