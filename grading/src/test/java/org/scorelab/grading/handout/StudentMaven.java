package org.scorelab.grading.handout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scorelab.grading.LocalRepositories;

/**
 * Maven as a student runs it on the handout: a JDK (whatever {@code JAVA_HOME} they have), a local repository in some
 * state (empty on a first build, filled by another course, full), online unless a test needs to prove that nothing is
 * fetched. The repository's state is set up here, never guessed from an error message.
 *
 * @param javaHome the JDK Maven runs on
 * @param localRepository the local repository ({@code -Dmaven.repo.local})
 * @param offline whether Maven runs with {@code -o}
 */
record StudentMaven(Path javaHome, Path localRepository, boolean offline) {
    /** The Maven of the build running this test (surefire passes its home), else {@code mvn} on the PATH. */
    private static final String MVN = Optional.of(Path.of(System.getProperty("scorelab.maven.home", ""), "bin", "mvn"))
        .filter(Files::isExecutable).map(Path::toString).orElse("mvn");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    /** The local repository of the build running this test (surefire passes it), else {@code ~/.m2/repository}. */
    static Path buildRepository() {
        return Path.of(System.getProperty("scorelab.maven.repo.local",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    }

    /** The JDK running this test. */
    static Path runningJdk() {
        return Path.of(System.getProperty("java.home"));
    }

    /**
     * The newest JDK installed beside the running one, newer than it: {@code -Dscorelab.handout.jdk=HOME} or the
     * environment's {@code SCORELAB_HANDOUT_JDK} (which .ci/run sets) if given, else the highest {@code JAVA_VERSION}
     * of the {@code release} files under {@code /usr/lib/jvm} (where Debian's and Temurin's packages install them).
     */
    static Optional<Path> newerJdk() {
        String given = System.getProperty("scorelab.handout.jdk",
            Optional.ofNullable(System.getenv("SCORELAB_HANDOUT_JDK")).orElse(""));
        if (!given.isBlank()) {
            return Optional.of(Path.of(given)).filter(h -> Files.isExecutable(h.resolve("bin/java")));
        }
        int running = Runtime.version().feature();
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Map<Integer, Path> byVersion = new TreeMap<>();
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path home : (Iterable<Path>) homes::iterator) {
                feature(home).filter(v -> v > running && Files.isExecutable(home.resolve("bin/javac")))
                    .ifPresent(v -> byVersion.put(v, home));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return byVersion.values().stream().reduce((a, b) -> b);
    }

    /** The feature version a JDK's {@code release} file names. */
    static Optional<Integer> feature(Path javaHome) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs one command as a README writes it ({@code mvn -q compile exec:java -Dexec.args="0 2.2"}), with this
     * JDK, local repository and mode added, in {@code project}.
     */
    Run run(Path project, String readmeCommand) throws IOException, InterruptedException {
        List<String> words = words(readmeCommand);
        if (words.isEmpty() || !words.get(0).equals("mvn")) {
            throw new IllegalArgumentException("not a Maven command: " + readmeCommand);
        }
        List<String> command = new ArrayList<>(List.of(MVN, "-B", "-Dmaven.repo.local=" + localRepository));
        if (offline) {
            command.add("-o");
        }
        command.addAll(words.subList(1, words.size()));
        Path log = Files.createTempFile(project.getParent(), "maven-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().remove("MAVEN_OPTS");
        Process p = builder.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
        }
        return new Run(String.join(" ", command), p.exitValue(), Files.readString(log));
    }

    /**
     * A command's words as a shell splits them: blanks separate words, double quotes group and are removed, also in the
     * middle of a word ({@code -Dexec.args="0 2.2"}). Written here because commons-text's tokenizer only honours
     * quotes around a whole word; README commands need no more of a shell than this.
     */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char c : command.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("an unclosed quote in: " + command);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** What one Maven run printed and how it ended. */
    record Run(String command, int exit, String output) {
        @Override
        public String toString() {
            return command + " exited with " + exit + ":\n" + output;
        }
    }

    /**
     * A local repository as another project can leave it: {@code from}'s artifacts, but none of the plugin groups'
     * prefix metadata ({@code maven-metadata-*.xml} files that map prefixes such as "exec" to plugins). Jars are hard
     * links where the file system allows (they are never rewritten), everything else a copy; the repository's own
     * scorelab artifacts are left out (the handout must build its kit and checks in its own reactor).
     */
    static Path withoutPluginGroupMetadata(Path from, Path to) throws IOException {
        return LocalRepositories.copyDependencies(from, to, file -> file.getFileName().toString().startsWith("maven-metadata")
            && readable(file).contains("<prefix>"));
    }

    private static String readable(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
