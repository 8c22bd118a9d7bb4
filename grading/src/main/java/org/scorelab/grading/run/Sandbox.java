package org.scorelab.grading.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The file-system and network boundary of the test JVM, with bubblewrap ({@code bwrap}) where the machine has it: the
 * JVM sees the system's {@code /usr} and the JDK read-only, each class path entry read-only (not the folders around
 * them), its own working directory read-write, a private {@code /tmp}, no network and its own process namespace; it
 * dies with the grader. Nothing else of the grader's file system (other submissions, reports, the reference, the
 * user's home) exists inside. Where {@code bwrap} is missing or cannot create namespaces (some containers), the JVM
 * runs without this layer and the report says so; the static check and the process limits still hold.
 */
final class Sandbox {
    private static final Path BWRAP = find();
    /** The JDK, and what its symbolic links point to outside it (Debian links conf/ and lib/security/ into /etc). */
    private static final Set<Path> JDK = jdk();

    private Sandbox() {
    }

    /** A line for the report: which boundary the test JVMs run in. */
    static String describe() {
        return BWRAP == null ? "none: bubblewrap (bwrap) is not available; only the static check and the JVM limits apply"
            : "bubblewrap: no network, read-only JDK and class path, nothing else of the file system but the work folder";
    }

    static boolean available() {
        return BWRAP != null;
    }

    /**
     * The command that runs {@code command} inside the sandbox, or {@code command} itself without one.
     *
     * @param readOnly paths the JVM reads (class path entries, the native library cache is {@code readWrite})
     * @param readWrite paths it may write (its working directory, the native library cache)
     */
    static List<String> wrap(List<String> command, List<Path> readOnly, List<Path> readWrite, Path workDir) {
        if (BWRAP == null) {
            return command;
        }
        List<String> b = new ArrayList<>(List.of(BWRAP.toString(), "--die-with-parent", "--unshare-all", "--new-session",
            "--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        for (String dir : List.of("/lib", "/lib64", "/bin")) {
            if (Files.isSymbolicLink(Path.of(dir))) {
                b.addAll(List.of("--symlink", "usr" + dir, dir));
            } else {
                b.addAll(List.of("--ro-bind-try", dir, dir));
            }
        }
        Set<Path> ro = new LinkedHashSet<>();
        ro.addAll(JDK);
        ro.add(Path.of("/etc/ld.so.cache"));
        ro.addAll(readOnly);
        for (Path p : ro) {
            if (!p.startsWith("/usr") && Files.exists(p)) {
                b.addAll(List.of("--ro-bind", p.toString(), p.toString()));
            }
        }
        for (Path p : readWrite) {
            b.addAll(List.of("--bind", p.toString(), p.toString()));
        }
        b.addAll(List.of("--chdir", workDir.toString(), "--"));
        b.addAll(command);
        return b;
    }

    private static Set<Path> jdk() {
        Path home = Path.of(System.getProperty("java.home"));
        Set<Path> paths = new LinkedHashSet<>();
        paths.add(home);
        try (var walk = Files.walk(home)) {
            walk.filter(Files::isSymbolicLink).forEach(link -> {
                try {
                    Path target = link.toRealPath();
                    if (!target.startsWith(home)) {
                        paths.add(target);
                    }
                } catch (IOException e) {
                    // A dangling link: nothing to bind.
                }
            });
        } catch (IOException e) {
            // Without the links' targets the JVM may miss its security configuration; bwrap still runs.
        }
        return paths;
    }

    /** bwrap on the PATH, if it can create its namespaces here. */
    private static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path bwrap = Path.of(dir, "bwrap");
            if (Files.isExecutable(bwrap)) {
                try {
                    Process p = new ProcessBuilder(bwrap.toString(), "--unshare-all", "--ro-bind", "/", "/", "true")
                        .redirectErrorStream(true).start();
                    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? bwrap : null;
                } catch (IOException e) {
                    return null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return null;
    }
}
