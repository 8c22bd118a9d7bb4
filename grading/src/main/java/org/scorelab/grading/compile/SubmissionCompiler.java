package org.scorelab.grading.compile;

import java.io.IOException;
import org.scorelab.course.AssignmentDescriptor;
import org.scorelab.course.Course;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.scorelab.grading.intake.SourceFile;
import org.scorelab.grading.intake.TemplateSources;
import org.scorelab.grading.intake.Upload;

/**
 * Compiles a submission with {@code javax.tools}, one assignment (package) at a time, against the kit only. A student
 * file with a compile error is replaced by the template's file and the assignment is compiled again; if the errors are
 * then in the template's files (the student changed a signature they call), the student files those errors name are
 * set aside too. A file that compiles but that the {@link StaticCheck} refuses is set aside the same way. Each
 * set-aside file keeps the compiler's or the check's message for the report.
 */
public final class SubmissionCompiler {
    /** The Java release students write and submissions are compiled for. */
    public static final String RELEASE = "17";

    private final TemplateSources template;
    private final String classPath;
    private final boolean staticCheck;

    /**
     * @param template the template's sources
     * @param classPath the kit and its dependencies (never the suites, the reference or the grader)
     */
    public SubmissionCompiler(TemplateSources template, String classPath) {
        this(template, classPath, true);
    }

    /** As above; {@code staticCheck = false} lets the tests of the process boundary run what the check refuses. */
    public SubmissionCompiler(TemplateSources template, String classPath, boolean staticCheck) {
        this.template = template;
        this.classPath = classPath;
        this.staticCheck = staticCheck;
    }

    /** Compiles {@code upload} into {@code classes}. */
    public Compilation compile(Upload upload, Path classes) {
        long start = System.nanoTime();
        Map<String, SourceFile> submitted = new TreeMap<>();
        upload.files().forEach(f -> submitted.put(f.path(), f));
        List<FileOutcome> outcomes = new ArrayList<>();
        for (String assignment : template.assignments()) {
            outcomes.addAll(compileAssignment(assignment, submitted, classes));
            writeServiceRegistration(assignment, classes);
        }
        outcomes.sort(Comparator.comparing(FileOutcome::path));
        return new Compilation(classes, outcomes, (System.nanoTime() - start) / 1e9);
    }

    private List<FileOutcome> compileAssignment(String assignment, Map<String, SourceFile> submitted, Path classes) {
        List<String> paths = template.files().keySet().stream()
            .filter(p -> p.startsWith("org/scorelab/" + assignment + "/")).toList();
        Map<String, FileOutcome> setAside = restore(paths, submitted, setAside(paths, submitted, classes, assignment), classes, assignment);
        List<FileOutcome> outcomes = new ArrayList<>();
        for (String p : paths) {
            if (setAside.containsKey(p)) {
                outcomes.add(setAside.get(p));
            } else if (submitted.containsKey(p)) {
                outcomes.add(new FileOutcome(p, FileOutcome.Source.SUBMITTED, ""));
            } else {
                outcomes.add(new FileOutcome(p, FileOutcome.Source.MISSING,
                    template.hasTasks(p) ? "its tasks score zero" : ""));
            }
        }
        return outcomes;
    }

    /** The assignment's sources: the student's files except those set aside, the template's for the rest. */
    private Map<String, String> sources(List<String> paths, Map<String, SourceFile> submitted, Map<String, FileOutcome> setAside) {
        Map<String, String> sources = new TreeMap<>();
        for (String p : paths) {
            boolean student = submitted.containsKey(p) && !setAside.containsKey(p);
            sources.put(p, student ? submitted.get(p).text() : template.source(p));
        }
        return sources;
    }

    /**
     * Sets aside, round by round, the student files that do not compile, that the template's files no longer compile
     * against, or that the static check refuses, until the assignment compiles; leaves the classes of that last round.
     */
    private Map<String, FileOutcome> setAside(List<String> paths, Map<String, SourceFile> submitted, Path classes, String assignment) {
        Map<String, FileOutcome> setAside = new LinkedHashMap<>();
        for (int attempt = 0; ; attempt++) {
            Map<String, String> sources = sources(paths, submitted, setAside);
            Map<String, List<Diagnostic<? extends JavaFileObject>>> errors = compile(sources, classes, assignment);
            if (errors.isEmpty()) {
                Map<String, FileOutcome> refused = staticCheck ? refused(paths, submitted, setAside, classes) : Map.of();
                if (refused.isEmpty()) {
                    break;
                }
                setAside.putAll(refused);
                continue;
            }
            Set<String> studentFilesWithErrors = new TreeSet<>(errors.keySet());
            studentFilesWithErrors.removeIf(p -> !submitted.containsKey(p) || setAside.containsKey(p));
            if (!studentFilesWithErrors.isEmpty()) {
                List<String> before = setAside.entrySet().stream().filter(e -> e.getValue().source() == FileOutcome.Source.DID_NOT_COMPILE
                    || e.getValue().source() == FileOutcome.Source.REFUSED).map(e -> simpleName(e.getKey()) + ".java").toList();
                for (String p : studentFilesWithErrors) {
                    String cascade = before.isEmpty() ? "" : simpleName(p) + ".java does not compile once " + String.join(" and ", before)
                        + " (set aside, see " + (before.size() == 1 ? "its message" : "their messages") + ") is replaced by the"
                        + " template's. If it calls what only your " + String.join(" or ", before) + " has, fix "
                        + (before.size() == 1 ? "that file" : "those files") + " and both are graded:\n";
                    setAside.put(p, new FileOutcome(p, FileOutcome.Source.DID_NOT_COMPILE, cascade + format(errors.get(p), sources.get(p))));
                }
                continue;
            }
            // Only template files fail: they call something a student file changed. Blame the files they name.
            String messages = errors.values().stream().flatMap(List::stream)
                .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n"));
            List<String> blamed = paths.stream().filter(p -> submitted.containsKey(p) && !setAside.containsKey(p))
                .filter(p -> messages.contains(simpleName(p))).toList();
            if (blamed.isEmpty()) {
                blamed = paths.stream().filter(p -> submitted.containsKey(p) && !setAside.containsKey(p)).toList();
            }
            if (blamed.isEmpty()) {
                throw new IllegalStateException("the template's " + assignment + " files do not compile against the kit: "
                    + errors.keySet() + "\n" + messages);
            }
            String why = errors.entrySet().stream().map(e -> format(e.getValue(), sources.get(e.getKey())))
                .collect(Collectors.joining("\n"));
            for (String p : blamed) {
                setAside.put(p, new FileOutcome(p, FileOutcome.Source.DID_NOT_COMPILE,
                    simpleName(p) + ".java compiles, but the template's other files no longer compile against it"
                        + " (did you change a public signature?):\n" + why));
            }
        }
        return setAside;
    }

    /**
     * Sets aside only what truly cannot compile: a student file set aside in an early round, because it called what
     * another student file had changed or because the template's errors named it, may compile beside the template's
     * version of that other file; each such file is tried again, one at a time, and kept if the assignment then
     * compiles and passes the static check. Leaves the classes of the returned set.
     */
    private Map<String, FileOutcome> restore(List<String> paths, Map<String, SourceFile> submitted, Map<String, FileOutcome> setAside,
                                             Path classes, String assignment) {
        Map<String, FileOutcome> kept = new LinkedHashMap<>(setAside);
        boolean trial = false;
        boolean lastTrialKept = false;
        for (String p : setAside.keySet()) {
            if (setAside.get(p).source() != FileOutcome.Source.DID_NOT_COMPILE || setAside.size() == 1) {
                continue; // a lone file set aside for its own errors cannot compile now either
            }
            Map<String, FileOutcome> without = new LinkedHashMap<>(kept);
            without.remove(p);
            trial = true;
            lastTrialKept = compile(sources(paths, submitted, without), classes, assignment).isEmpty()
                && (!staticCheck || refused(paths, submitted, without, classes).isEmpty());
            if (lastTrialKept) {
                kept = without;
            }
        }
        if (trial && !lastTrialKept) {
            compile(sources(paths, submitted, kept), classes, assignment); // the classes of the set kept, which compiles
        }
        return kept;
    }

    /** The student files the static check refuses, each with its refusals. */
    private static Map<String, FileOutcome> refused(List<String> paths, Map<String, SourceFile> submitted,
                                                    Map<String, FileOutcome> setAside, Path classes) {
        Map<String, FileOutcome> refused = new LinkedHashMap<>();
        for (String p : paths) {
            if (submitted.containsKey(p) && !setAside.containsKey(p)) {
                List<String> why = StaticCheck.refusals(classes, p);
                if (!why.isEmpty()) {
                    refused.put(p, new FileOutcome(p, FileOutcome.Source.REFUSED, simpleName(p) + ".java uses what the"
                        + " grader does not allow, so it was not run:\n" + why.stream().map(w -> "  - " + w + "\n")
                        .collect(Collectors.joining())));
                }
            }
        }
        return refused;
    }

    private Map<String, List<Diagnostic<? extends JavaFileObject>>> compile(Map<String, String> sources, Path classes,
                                                                           String assignment) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the grader must run on a JDK (javax.tools found no Java compiler)");
        }
        deleteRecursively(classes.resolve("org/scorelab/" + assignment));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = sources.entrySet().stream()
            .map(e -> (JavaFileObject) new StringSource(e.getKey(), e.getValue())).toList();
        // --release 17 whatever JDK the grader runs on: students write Java 17 (the handout's maven.compiler.release),
        // an API of a later JDK is a compile error here as on their machine, and the class files stay version 61,
        // which the static check's ASM reads on every JDK.
        List<String> options = List.of("--release", RELEASE, "-classpath", classPath, "-d", classes.toString(),
            "-encoding", "UTF-8", "-proc:none", "-implicit:none", "-nowarn", "-Xlint:none", "-g");
        Writer discard = Writer.nullWriter();
        javac.getTask(discard, null, diagnostics, options, null, units).call();
        Map<String, List<Diagnostic<? extends JavaFileObject>>> errors = new TreeMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String path = d.getSource() == null ? "?" : ((StringSource) d.getSource()).path;
                errors.computeIfAbsent(path, k -> new ArrayList<>()).add(d);
            }
        }
        return errors;
    }

    /** Formats diagnostics the way javac prints them: file:line: message, the source line, a caret. */
    static String format(List<Diagnostic<? extends JavaFileObject>> diagnostics, String source) {
        String[] lines = source == null ? new String[0] : source.split("\n", -1);
        StringBuilder s = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.stream().limit(10).toList()) {
            String file = d.getSource() == null ? "?" : simpleName(((StringSource) d.getSource()).path) + ".java";
            s.append(file).append(':').append(d.getLineNumber()).append(": error: ").append(d.getMessage(Locale.ROOT))
                .append('\n');
            int line = (int) d.getLineNumber() - 1;
            if (line >= 0 && line < lines.length) {
                s.append("    ").append(lines[line].stripTrailing()).append('\n');
                if (d.getColumnNumber() > 0) {
                    s.append("    ").append(" ".repeat((int) d.getColumnNumber() - 1)).append("^\n");
                }
            }
        }
        if (diagnostics.size() > 10) {
            s.append("... and ").append(diagnostics.size() - 10).append(" more errors\n");
        }
        return s.toString();
    }

    private static String simpleName(String path) {
        return path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
    }

    private static void writeServiceRegistration(String assignment, Path classes) {
        AssignmentDescriptor descriptor = Course.installed().named(assignment);
        try {
            Path services = Files.createDirectories(classes.resolve("META-INF/services"));
            Files.writeString(services.resolve(descriptor.solutionService()), descriptor.packageName() + ".Solution\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder tree; a missing folder is nothing to do. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A source held in memory, named by its template path. */
    private static final class StringSource extends SimpleJavaFileObject {
        private final String path;
        private final String text;

        StringSource(String path, String text) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.path = path;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
