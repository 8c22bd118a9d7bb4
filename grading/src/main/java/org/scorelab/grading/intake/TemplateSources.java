package org.scorelab.grading.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The student template's source files, bundled with the grader under {@code scorelab/template/}: what a submission's
 * files are matched against, and what replaces a file that is missing, does not compile or is refused.
 */
public final class TemplateSources {
    private static final String ROOT = "scorelab/template/";

    private final Map<String, String> files;
    private static volatile TemplateSources bundled;

    private TemplateSources(Map<String, String> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /**
     * The template bundled with the grader (a directory when run from the build, a jar when packaged), read once: it is
     * immutable, and the reports, the Moodle files and the class index all ask which of its files hold tasks.
     */
    public static TemplateSources bundled() {
        TemplateSources read = bundled;
        if (read == null) {
            read = readBundled();
            bundled = read;
        }
        Map<String, String> plugins = org.scorelab.grading.run.Plugins.templateSources();
        if (plugins.isEmpty()) {
            return read;
        }
        Map<String, String> all = new TreeMap<>(read.files);
        all.putAll(plugins); // the plug-ins' assignments' templates, which the grader was not built with
        return new TemplateSources(all);
    }

    private static TemplateSources readBundled() {
        try {
            Path location = Path.of(TemplateSources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Map<String, String> files = new TreeMap<>();
            if (Files.isDirectory(location)) {
                Path root = location.resolve(ROOT);
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : (Iterable<Path>) walk.filter(TemplateSources::isTaskFile)::iterator) {
                        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    for (ZipEntry e : Collections.list(jar.entries())) {
                        if (e.getName().startsWith(ROOT) && e.getName().endsWith(".java")
                            && !e.getName().endsWith("package-info.java")) {
                            files.put(e.getName().substring(ROOT.length()),
                                new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("the grader was built without the template's sources under " + ROOT);
            }
            return new TemplateSources(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTaskFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".java") && !name.equals("package-info.java");
    }

    /** Template path ({@code org/scorelab/dsm/EnergyNetwork.java}) to source. */
    public Map<String, String> files() {
        return files;
    }

    /** The template's source of a path; throws if the template has no such file. */
    public String source(String path) {
        String s = files.get(path);
        if (s == null) {
            throw new IllegalArgumentException("the template has no file " + path);
        }
        return s;
    }

    /**
     * True when the template's file at {@code path} holds tasks (a body that throws {@code NotImplemented}), as
     * opposed to a launcher or a helper such as {@code Solution.java}: an upload without any of an assignment's task
     * files did not submit that assignment.
     */
    public boolean hasTasks(String path) {
        return source(path).contains("new NotImplemented(");
    }

    /** The assignments of the template ("dsm", "ebm"), from its packages. */
    public java.util.SortedSet<String> assignments() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        files.keySet().forEach(p -> out.add(p.split("/")[p.split("/").length - 2]));
        return out;
    }
}
