package org.scorelab.grading.similarity;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.scorelab.grading.intake.SourceFile;

/**
 * Which of a submission's files javac cannot parse (syntax only: what JPlag's Java module needs). JPlag drops a whole
 * submission when one of its files does not parse; the check drops only that file, as grading replaces only that file
 * by the template's, so a broken helper file cannot take the rest of a submission out of the check.
 */
final class ParseCheck {
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private ParseCheck() {
    }

    /**
     * The files that do not parse, by template path, each with javac's first error ("line 12: ';' expected"). A file
     * nested so deeply that javac's parser overflows the stack does not parse either: the check runs JPlag, which parses
     * again, on a far larger stack ({@link AssignmentCheck}), so what passes here cannot overflow there.
     */
    static Map<String, String> errors(List<SourceFile> files) {
        try {
            return parse(files);
        } catch (StackOverflowError | IllegalStateException e) {
            if (!overflowed(e)) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            for (SourceFile f : files) {
                try {
                    errors.putAll(parse(List.of(f)));
                } catch (StackOverflowError | IllegalStateException tooDeep) {
                    if (!overflowed(tooDeep)) {
                        throw tooDeep;
                    }
                    errors.put(f.path(), "nested too deeply for javac's parser");
                }
            }
            return errors;
        }
    }

    /** True when {@code t} is, or wraps (as javac's task does), a stack overflow. */
    private static boolean overflowed(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> parse(List<SourceFile> files) {
        if (JAVAC == null) {
            throw new IllegalStateException("the similarity check needs a JDK (javac), not a JRE");
        }
        Map<URI, SourceFile> byUri = new LinkedHashMap<>();
        List<JavaFileObject> sources = new ArrayList<>();
        for (SourceFile f : files) {
            Source s = new Source(f);
            byUri.put(s.toUri(), f);
            sources.add(s);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            ((JavacTask) JAVAC.getTask(null, manager, diagnostics, List.of("-proc:none"), null, sources)).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null && byUri.containsKey(d.getSource().toUri())) {
                errors.putIfAbsent(byUri.get(d.getSource().toUri()).path(),
                    "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
            }
        }
        return errors;
    }

    /** A source held in memory, named by its template path. */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(SourceFile file) {
            super(URI.create("string:///" + file.path()), Kind.SOURCE);
            this.text = file.text();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
