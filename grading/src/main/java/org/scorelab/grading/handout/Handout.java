package org.scorelab.grading.handout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.scorelab.course.AssignmentDescriptor;
import org.scorelab.course.Course;
import org.scorelab.grading.compile.SubmissionCompiler;

/**
 * Writes the handout of some of the course's assignments ({@link Course}) as {@code OUT/scorelab-handout/} and {@code OUT/scorelab-handout.zip}:
 * a Maven project of three modules, built from the repository's folders at the time of the call:
 * <ul>
 *   <li>{@code kit/}: {@code src/kit}'s main sources (with their Javadoc), not its tests;</li>
 *   <li>{@code checks/}: {@code src/suites}' main sources, the public graded checks, without the other assignment's;</li>
 *   <li>{@code assignment/}: {@code student-template}'s main sources, without the other assignment's package.</li>
 * </ul>
 * The kit and the checks ship as source modules rather than jars: Maven Central does not have them, and a reactor
 * builds them with the student's module from one {@code mvn test}, with nothing to install into the student's local
 * repository and no {@code system}-scope jars. Their poms are the repository's with the handout's own parent (the
 * root pom's properties, dependency and plugin management, copied), so the handout needs Maven Central only.
 */
public final class Handout {
    /** The folder and the zip's top folder. */
    public static final String NAME = "scorelab-handout";
    /** The assignments' names, in the order of the course. */
    public static final List<String> ASSIGNMENTS = Course.installed().names();

    /**
     * The handout's {@code .mvn/maven.config}, options of every Maven command in it (issue 19): no ANSI colour codes,
     * and no console lines of Surefire, whose list of failed checks would repeat the score preview that ends
     * {@code mvn test} ({@code -Dfull-log} prints Surefire's reports instead; a command-line
     * {@code -Dorg.slf4j.simpleLogger.log.org.apache.maven.plugin.surefire=info} brings its lines back). Maven 3.5.3+
     * reads {@code style.color}; the logger's level is Maven's SLF4J simple logger's, per logger name.
     */
    static final List<String> MAVEN_CONFIG = List.of("-Dstyle.color=never",
        "-Dorg.slf4j.simpleLogger.log.org.apache.maven.plugin.surefire=off");

    /** What was written: the folder, the zip and the files in it. */
    public record Written(Path folder, Path zip, List<String> files) {
    }

    private final Path repo;
    private final Course course;
    private final List<AssignmentDescriptor> chosen;
    private final List<String> assignments;

    /**
     * @param repo the repository's root (holding {@code src/kit}, {@code src/suites} and {@code student-template})
     * @param assignments some of {@link #ASSIGNMENTS}
     */
    public Handout(Path repo, Set<String> assignments) {
        this(repo, assignments, Course.installed());
    }

    /** As {@link #Handout(Path, Set)}, for the assignments of {@code course}. */
    public Handout(Path repo, Set<String> assignments, Course course) {
        this.repo = repo.toAbsolutePath().normalize();
        this.course = course;
        this.chosen = course.assignments().stream().filter(a -> assignments.contains(a.name())).toList();
        this.assignments = chosen.stream().map(AssignmentDescriptor::name).toList();
        if (this.assignments.isEmpty() || !course.names().containsAll(assignments)) {
            throw new IllegalArgumentException("the handout's assignments must be some of " + course.names() + "; got "
                + assignments);
        }
        for (String module : List.of("src/kit", "src/suites", "student-template")) {
            if (!Files.isRegularFile(this.repo.resolve(module).resolve("pom.xml"))) {
                throw new IllegalArgumentException("not the scorelab repository: " + this.repo + " has no " + module
                    + "/pom.xml (pass the repository's folder with --repo)");
            }
        }
    }

    /** The repository around {@code start}: {@code start} itself or its parent (Maven runs a module in its folder). */
    public static Path findRepository(Path start) {
        Path here = start.toAbsolutePath().normalize();
        for (Path p = here; p != null && p.getNameCount() >= here.getNameCount() - 1; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("student-template/pom.xml")) && Files.isRegularFile(p.resolve("src/kit/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalArgumentException("no scorelab repository at " + here + " or its parent (pass it with --repo)");
    }

    /** Writes {@code out/scorelab-handout/} (replacing an earlier one) and {@code out/scorelab-handout.zip}. */
    public Written write(Path out) throws IOException {
        Path folder = out.toAbsolutePath().normalize().resolve(NAME);
        SubmissionCompiler.deleteRecursively(folder);
        Files.createDirectories(folder);
        Poms poms = new Poms(Files.readString(repo.resolve("pom.xml")), chosen);
        Files.writeString(folder.resolve("pom.xml"), poms.root());
        Files.writeString(createParent(folder.resolve("kit/pom.xml")),
            poms.module(Files.readString(repo.resolve("src/kit/pom.xml"))));
        copyTree(repo.resolve("src/kit/src/main"), folder.resolve("kit/src/main"), p -> true);
        Files.writeString(createParent(folder.resolve("checks/pom.xml")),
            poms.module(Files.readString(repo.resolve("src/suites/pom.xml"))));
        copyTree(repo.resolve("src/suites/src/main"), folder.resolve("checks/src/main"), this::keepInSuites);
        Files.writeString(createParent(folder.resolve("assignment/pom.xml")),
            poms.assignment(Files.readString(repo.resolve("student-template/pom.xml"))));
        copyTree(repo.resolve("student-template/src/main"), folder.resolve("assignment/src/main"), this::keepInTemplate);
        Files.writeString(folder.resolve("README.md"), StudentReadme.of(chosen, course));
        Files.writeString(folder.resolve(".gitignore"), "target/\nsubmission.zip\nfigures/\n");
        // Maven's own JVM runs exec:java (the assignment, the figures, the hand-in): the same JVM options as the
        // repository's, so that ND4J loads its native library without a warning on JDK 24+.
        Path jvmConfig = repo.resolve(".mvn/jvm.config");
        if (Files.isRegularFile(jvmConfig)) {
            Files.copy(jvmConfig, createParent(folder.resolve(".mvn/jvm.config")));
        }
        Files.writeString(createParent(folder.resolve(".mvn/maven.config")), String.join("\n", MAVEN_CONFIG) + "\n");
        Path zip = folder.resolveSibling(NAME + ".zip");
        return new Written(folder, zip, zip(folder, zip));
    }

    /** The suites' {@code src/main} path kept: not the other assignment's package. */
    private boolean keepInSuites(String path) {
        return course.names().stream().filter(a -> !assignments.contains(a))
            .noneMatch(a -> path.startsWith("java/org/scorelab/suites/" + a + "/"));
    }

    /** The template's {@code src/main} path kept: not the other assignment's package or its service file. */
    private boolean keepInTemplate(String path) {
        return course.assignments().stream().filter(a -> !assignments.contains(a.name()))
            .noneMatch(a -> path.startsWith("java/" + a.packageName().replace('.', '/') + "/")
                || path.startsWith("resources/META-INF/services/" + a.packageName() + "."));
    }

    private static Path createParent(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return file;
    }

    private static void copyTree(Path from, Path to, Predicate<String> keep) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IllegalArgumentException("the repository has no folder " + from);
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = from.relativize(p).toString().replace('\\', '/');
                if (keep.test(rel)) {
                    Files.copy(p, createParent(to.resolve(rel)));
                }
            }
        }
    }

    /** Zips {@code folder} under its own name; returns the entries. */
    private static List<String> zip(Path folder, Path zip) throws IOException {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder); OutputStream out = Files.newOutputStream(zip);
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                String entry = NAME + "/" + folder.relativize(p).toString().replace('\\', '/');
                z.putNextEntry(new ZipEntry(entry));
                Files.copy(p, z);
                z.closeEntry();
                entries.add(entry);
            }
        }
        return entries;
    }
}
