package org.scorelab.grading.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The class paths the grader hands out: the compiler's (the kit and its libraries only) and the test JVM's (that, the
 * suites, the runner and the submission). Maven writes the grader's runtime dependencies to a resource at build time,
 * because under {@code exec:java} or surefire {@code java.class.path} is not the project's class path.
 */
public final class ClassPaths {
    private static final String RESOURCE = "/scorelab/runtime-classpath.txt";
    /** Read once: every test JVM start needs it, twice (its class path, and the sandbox's read-only binds). */
    private static final List<Path> RUNTIME = read();

    private ClassPaths() {
    }

    /** Every runtime dependency of the grader, the grader itself, and the plug-ins' contracts and suites ({@link Plugins}). */
    static List<Path> runtime() {
        List<Path> all = new ArrayList<>(RUNTIME);
        all.addAll(Plugins.apiRoots());
        all.addAll(Plugins.checkRoots());
        all.addAll(Plugins.hiddenRoots());
        return all;
    }

    private static List<Path> read() {
        try (InputStream in = ClassPaths.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the grader was built without " + RESOURCE);
            }
            List<Path> entries = new ArrayList<>();
            Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).forEach(entries::add);
            entries.add(SuitePlan.location(ClassPaths.class));
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path that runs the grader itself ({@code org.scorelab.grading.cli.Main}) in a JVM of another JDK. */
    public static String grader() {
        return join(runtime());
    }

    /** What a submission compiles against: the runtime class path without the suites and the grader. */
    public static String compiler() {
        List<Path> hidden = new ArrayList<>(SuitePlan.roots(true));
        hidden.add(SuitePlan.location(ClassPaths.class));
        return join(runtime().stream().filter(p -> !hidden.contains(p.toAbsolutePath().normalize())).toList());
    }

    /**
     * The test JVM's class path: the runtime class path, then the submission's classes last, so that a class the
     * submission puts in the kit's, the suites' or JUnit's packages never shadows the real one.
     */
    static String tests(Path submissionClasses) {
        List<Path> all = new ArrayList<>(runtime());
        all.add(submissionClasses);
        return join(all);
    }

    private static String join(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
