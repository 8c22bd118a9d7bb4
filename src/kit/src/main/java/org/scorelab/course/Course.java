package org.scorelab.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The course's assignments: the {@link AssignmentDescriptor}s found with {@link ServiceLoader}, in the course's order.
 * The one front through which tools ask which assignments exist, which one a package or a task belongs to, and which
 * ones a command-line choice ("dsm", "dsm,ebm", "all") names.
 */
public final class Course {
    /** The choice that names every assignment; "both" is kept as a synonym from the course's two-assignment days. */
    public static final String ALL = "all";

    /**
     * The system property that adds assignments from outside the build: plug-in folders separated by the path
     * separator, each with {@code api/} (compiled classes: the assignment's contract and its registered descriptor),
     * and for the grader {@code checks/}, {@code hidden/} (compiled suites) and {@code template/} (the template's
     * sources). docs/adding-an-assignment.md describes the layout.
     */
    public static final String PLUGINS = "scorelab.plugins";

    private record Loaded(String plugins, Course course) {
    }

    private static volatile Loaded installed;
    private final List<AssignmentDescriptor> assignments;

    private Course(List<AssignmentDescriptor> assignments) {
        List<AssignmentDescriptor> sorted = new ArrayList<>(assignments);
        sorted.sort(Comparator.comparingInt(AssignmentDescriptor::order).thenComparing(AssignmentDescriptor::name));
        Set<String> names = new LinkedHashSet<>();
        for (AssignmentDescriptor a : sorted) {
            if (!a.name().matches("[a-z][a-z0-9]*") || a.name().equals(ALL) || a.name().equals("both")) {
                throw new IllegalStateException("an assignment's name is lower-case letters and digits, not 'all' or"
                    + " 'both'; got '" + a.name() + "' from " + a.getClass().getName());
            }
            if (!names.add(a.name())) {
                throw new IllegalStateException("two descriptors of the assignment " + a.name() + " are registered");
            }
        }
        this.assignments = List.copyOf(sorted);
    }

    /**
     * The descriptors registered on the class path of this class's loader and in the {@code api/} folders of the
     * plug-ins named by {@value #PLUGINS}; read once per value of that property.
     */
    public static Course installed() {
        String plugins = System.getProperty(PLUGINS, "");
        Loaded l = installed;
        if (l == null || !l.plugins().equals(plugins)) {
            // the suites' folders too: a plug-in's report figure is registered beside its hidden checks
            l = new Loaded(plugins, of(pluginLoader(Course.class.getClassLoader(), List.of("api", "checks", "hidden"))));
            installed = l;
        }
        return l.course();
    }

    /** The plug-in folders named by {@value #PLUGINS}, in order; none if it is not set. */
    public static List<Path> pluginFolders() {
        String plugins = System.getProperty(PLUGINS, "");
        return Arrays.stream(plugins.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank())
            .map(s -> Path.of(s).toAbsolutePath().normalize()).toList();
    }

    /**
     * {@code parent}, or a loader over it and the plug-ins' {@code subfolders} (those that exist), if any plug-in is
     * named.
     */
    public static ClassLoader pluginLoader(ClassLoader parent, List<String> subfolders) {
        List<URL> urls = new ArrayList<>();
        for (Path folder : pluginFolders()) {
            for (String sub : subfolders) {
                Path root = folder.resolve(sub);
                if (Files.isDirectory(root)) {
                    try {
                        urls.add(root.toUri().toURL());
                    } catch (MalformedURLException e) {
                        throw new IllegalArgumentException("the plug-in folder " + root + " has no URL", e);
                    }
                }
            }
        }
        return urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /** The descriptors registered on {@code loader}'s class path. */
    public static Course of(ClassLoader loader) {
        List<AssignmentDescriptor> found = new ArrayList<>();
        ServiceLoader.load(AssignmentDescriptor.class, loader).forEach(found::add);
        return new Course(found);
    }

    /** A course of exactly these descriptors (a test's, or a subset). */
    public static Course of(List<AssignmentDescriptor> assignments) {
        return new Course(assignments);
    }

    /** The assignments in the course's order. */
    public List<AssignmentDescriptor> assignments() {
        return assignments;
    }

    /** Their names in the course's order. */
    public List<String> names() {
        return assignments.stream().map(AssignmentDescriptor::name).toList();
    }

    /** The assignment called {@code name}. */
    public Optional<AssignmentDescriptor> find(String name) {
        return assignments.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The assignment called {@code name}; throws, listing the names there are, if there is none. */
    public AssignmentDescriptor named(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no assignment is called '" + name
            + "'; the course has " + String.join(", ", names())));
    }

    /** The assignment whose student package is exactly {@code packageName} ({@code org.scorelab.dsm}), if any. */
    public Optional<AssignmentDescriptor> owning(String packageName) {
        return assignments.stream().filter(a -> a.packageName().equals(packageName)).findFirst();
    }

    /**
     * The assignments a choice names, in the course's order: a name, names separated by commas, or {@value #ALL} (or
     * "both") for every one.
     *
     * @throws IllegalArgumentException naming the unknown name and the names there are
     */
    public List<AssignmentDescriptor> choose(String choice) {
        String c = choice.trim();
        if (c.equals(ALL) || c.equals("both")) {
            return assignments;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : c.split(",")) {
            wanted.add(named(name.trim()).name());
        }
        return assignments.stream().filter(a -> wanted.contains(a.name())).toList();
    }

    /** These assignments' names joined as a sentence: "dsm", "dsm and ebm", "dsm, ebm and toy". */
    public static String sentence(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The text of a resource next to {@code owner} (a descriptor's handout section). */
    public static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(owner.getName() + " was built without its resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return assignments.stream().map(AssignmentDescriptor::name).collect(Collectors.joining(", ", "Course[", "]"));
    }
}
