package org.scorelab.grading.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.scorelab.course.Course;

/**
 * The assignments a grader adds from plug-in folders ({@link Course#PLUGINS}) rather than from its own build: their
 * compiled contract ({@code api/}), public and hidden suites ({@code checks/}, {@code hidden/}) and template sources
 * ({@code template/}). Without the property there are none, and the grader is exactly its build's.
 */
public final class Plugins {
    private Plugins() {
    }

    /** The plug-ins' {@code api/} roots: on the compiler's and the test JVM's class paths. */
    public static List<Path> apiRoots() {
        return roots("api");
    }

    /** The plug-ins' public suites' roots. */
    public static List<Path> checkRoots() {
        return roots("checks");
    }

    /** The plug-ins' hidden suites' roots. */
    public static List<Path> hiddenRoots() {
        return roots("hidden");
    }

    /** A loader that sees the plug-ins' contracts and suites, for discovering their tests in the grader's JVM. */
    static ClassLoader loader() {
        return Course.pluginLoader(SuitePlan.class.getClassLoader(), List.of("api", "checks", "hidden"));
    }

    /** The plug-ins' template sources, path ({@code org/scorelab/toy/Doubler.java}) to text. */
    public static Map<String, String> templateSources() {
        Map<String, String> files = new TreeMap<>();
        for (Path root : roots("template")) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".java")
                    && !f.getFileName().toString().equals("package-info.java"))::iterator) {
                    files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static List<Path> roots(String sub) {
        return Course.pluginFolders().stream().map(f -> f.resolve(sub)).filter(Files::isDirectory).toList();
    }
}
