package org.scorelab.grading;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs documentation commands as written, in a copy of the repository (sources and built classes: what the README's
 * {@code mvn install -DskipTests} leaves), with a local repository that holds the build's dependencies and this
 * build's scorelab artifacts (what that install would have put there), so that {@code -pl MODULE} commands find the
 * other modules without installing anything into the build's own repository.
 *
 * @param copy the copy of the repository the commands run in
 * @param localRepository their {@code -Dmaven.repo.local}
 * @param offline whether they run with {@code -o} (when the build's repository has every plugin they name)
 */
record DocMaven(Path copy, Path localRepository, boolean offline) {
    /** What the commands write into the repository's folder: left out of the copy, so that a command's output is its own. */
    private static final Set<String> OUTPUTS = Set.of(".git", "grading-out", "handout-out", "figures");
    /** The Maven of the build running this test (surefire passes its home, as for HandoutTests), else mvn on the PATH. */
    private static final String MVN = Optional.of(Path.of(System.getProperty("scorelab.maven.home", ""), "bin", "mvn"))
        .filter(Files::isExecutable).map(Path::toString).orElse("mvn");

    /** The local repository of the build running this test (surefire passes it), else {@code ~/.m2/repository}. */
    static Path buildRepository() {
        return Path.of(System.getProperty("scorelab.maven.repo.local",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    }

    /** A copy of {@code repo} and a local repository for it, in {@code dir}. */
    static DocMaven prepare(Path repo, ProjectPoms poms, Path dir) throws IOException {
        Path copy = copy(repo, dir.resolve("repository"));
        Path local = dir.resolve("m2");
        LocalRepositories.copyDependencies(buildRepository(), local, file -> false);
        installReactor(repo, poms, local);
        String exec = poms.managedPluginVersion("exec-maven-plugin");
        boolean offline = Files.isRegularFile(
            local.resolve("org/codehaus/mojo/exec-maven-plugin/" + exec + "/exec-maven-plugin-" + exec + ".jar"));
        return new DocMaven(copy, local, offline);
    }

    /** What one command printed, how it ended and how long it took. */
    record Run(String command, int exit, String output, double seconds) {
    }

    /** Runs {@code mvn WORDS...} as written, with this local repository and (where it holds every plugin) {@code -o}. */
    Run run(List<String> words) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(MVN, "-Dmaven.repo.local=" + localRepository));
        if (offline) {
            command.add("-o");
        }
        command.addAll(words.subList(1, words.size()));
        Path log = Files.createTempFile(copy.getParent(), "mvn-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_OPTS");
        long start = System.nanoTime();
        Process p = builder.start();
        boolean ended = p.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        return new Run(String.join(" ", command), ended ? p.exitValue() : -1, Files.readString(log),
            (System.nanoTime() - start) / 1e9);
    }

    /** The repository's files and built classes, but not its git folder or the commands' outputs. */
    private static Path copy(Path repo, Path to) throws IOException {
        Files.walkFileTree(repo, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getParent() != null && dir.getParent().equals(repo) && OUTPUTS.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(repo.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                try {
                    // The timestamps too, so that Maven finds the copied classes up to date.
                    Files.copy(file, to.resolve(repo.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException e) {
                    // Gone while copying: a report the running build replaced; no command here reads it.
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

    /** This build's scorelab artifacts, laid out as {@code mvn install} lays them: the parent pom, each module's pom and jar. */
    private static void installReactor(Path repo, ProjectPoms poms, Path local) throws IOException {
        String version = poms.version();
        Path parent = Files.createDirectories(local.resolve("org/scorelab/scorelab-parent/" + version));
        Files.copy(repo.resolve("pom.xml"), parent.resolve("scorelab-parent-" + version + ".pom"));
        for (ProjectPoms.Module m : poms.modules()) {
            Path jar = repo.resolve(m.path()).resolve("target/" + m.artifactId() + "-" + version + ".jar");
            Path into = Files.createDirectories(local.resolve("org/scorelab/" + m.artifactId() + "/" + version));
            Files.copy(repo.resolve(m.path()).resolve("pom.xml"), into.resolve(m.artifactId() + "-" + version + ".pom"));
            if (Files.isRegularFile(jar)) {
                Files.copy(jar, into.resolve(jar.getFileName()));
            }
        }
    }
}
