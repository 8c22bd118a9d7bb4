package org.scorelab.grading.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.scorelab.course.Course;

/**
 * What a student's class may use: an allow-list, since a deny-list misses whatever it did not think of. Allowed are
 * the Java basics ({@code java.lang} without the JVM's controls, {@code java.util} without threads and class loading,
 * {@code java.math}, {@code java.text}, {@code java.time}), printing to {@code System.out}/{@code err}, ND4J's array
 * and math API without its file readers and writers, the kit's student API without its file I/O, and the student's
 * own classes. Everything else is refused with the reason a student can act on.
 */
final class Policy {
    /** The kit's packages every assignment may use; each assignment adds its own contract ({@link #kit}). */
    private static final List<String> KIT = List.of("org/scorelab/autograd/", "org/scorelab/nn/", "org/scorelab/optim/",
        "org/scorelab/random/", "org/scorelab/noise/", "org/scorelab/assignment/", "org/scorelab/diagnostics/",
        "org/scorelab/data/");
    private static final List<String> ND4J = List.of("org/nd4j/linalg/api/ndarray/", "org/nd4j/linalg/api/buffer/",
        "org/nd4j/linalg/api/shape/", "org/nd4j/linalg/api/ops/", "org/nd4j/linalg/api/rng/", "org/nd4j/linalg/factory/",
        "org/nd4j/linalg/ops/transforms/", "org/nd4j/linalg/indexing/", "org/nd4j/linalg/exception/",
        "org/nd4j/common/primitives/");
    private static final List<String> JAVA = List.of("java/lang/", "java/util/", "java/math/", "java/text/", "java/time/");
    private static final List<String> JAVA_DENIED = List.of("java/lang/reflect/", "java/lang/invoke/", "java/lang/ref/",
        "java/lang/management/", "java/lang/instrument/", "java/lang/module/", "java/util/concurrent/", "java/util/zip/",
        "java/util/jar/", "java/util/logging/", "java/util/prefs/", "java/util/spi/", "java/util/ServiceLoader",
        "java/util/Timer");
    private static final Set<String> SYSTEM_ALLOWED = Set.of("arraycopy", "nanoTime", "currentTimeMillis",
        "lineSeparator", "identityHashCode", "out", "err");
    private static final Set<String> CLASS_ALLOWED = Set.of("getName", "getSimpleName", "desiredAssertionStatus",
        "isInstance", "cast", "getComponentType", "isArray");
    /** Bootstraps javac emits for lambdas, string concatenation, records and switches on strings or patterns. */
    static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
        "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods", "java/lang/runtime/SwitchBootstraps");

    private Policy() {
    }

    /**
     * Why {@code owner.member} may not be used, or empty if it may.
     *
     * @param owner an internal class name ({@code java/lang/System}), or an array descriptor
     * @param member a method or field name; {@code <init>} for a constructor; null for the type itself
     */
    static Optional<String> refusal(String owner, String member) {
        return refusal(Course.installed(), owner, member);
    }

    /** As {@link #refusal(String, String)}, for the assignments of {@code course}. */
    static Optional<String> refusal(Course course, String owner, String member) {
        String type = owner.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
        if (type.length() <= 1 || course.owning(packageOf(type)).isPresent()) {
            return Optional.empty(); // a primitive array, or the student's own classes
        }
        if (type.startsWith("org/scorelab/suites/") || type.startsWith("org/scorelab/grading/")
            || type.startsWith("org/junit/") || type.startsWith("org/opentest4j/") || type.startsWith("net/jqwik/")
            || type.startsWith("org/assertj/")) {
            return Optional.of("the suites', the tests' or the grader's code is not part of the API a submission may use");
        }
        if (startsWithAny(type, kit(course))) {
            if (type.equals("org/scorelab/nn/Parameters") && member != null && member.matches("(save|load).*")) {
                return Optional.of("reading and writing files is not allowed while grading");
            }
            return Optional.empty();
        }
        if (course.assignments().stream().anyMatch(a -> type.startsWith(a.packageName().replace('.', '/') + "/"))) {
            // an assignment's package of the kit that is not its contract: its descriptor and figures (*.sheet)
            return Optional.of("the figures are made by the figures command, not by a task: they write files");
        }
        if (startsWithAny(type, ND4J)) {
            if (type.equals("org/nd4j/linalg/factory/Nd4j") && member != null
                && member.matches("(read|write|save|load|createFromNpy|createFromNpz|createNpyFrom).*")) {
                return Optional.of("ND4J's file readers and writers are not allowed while grading");
            }
            return Optional.empty();
        }
        if (startsWithAny(type, JAVA) && !startsWithAny(type, JAVA_DENIED)) {
            return javaLang(type, member);
        }
        if (type.equals("java/io/PrintStream") && member != null && !member.equals("<init>")) {
            return Optional.empty(); // printing through System.out and System.err, which the grader caps
        }
        if (type.startsWith("java/io/") || type.startsWith("java/nio/") || type.startsWith("java/net/")) {
            return Optional.of("file and network I/O are not allowed while grading");
        }
        if (type.startsWith("java/util/concurrent/")) {
            return Optional.of("threads and executors are not allowed: the suites call your code on their own thread");
        }
        if (type.startsWith("java/lang/reflect/") || type.startsWith("java/lang/invoke/")) {
            return Optional.of("reflection and method handles are not allowed");
        }
        if (type.startsWith("sun/") || type.startsWith("jdk/") || type.startsWith("com/sun/")) {
            return Optional.of("the JDK's internal classes (such as Unsafe) are not allowed");
        }
        return Optional.of("not part of the API the template's files may use (Java basics, ND4J's arrays, the kit)");
    }

    private static Optional<String> javaLang(String type, String member) {
        switch (type) {
            case "java/lang/System" -> {
                if (member != null && SYSTEM_ALLOWED.contains(member)) {
                    return Optional.empty();
                }
                if ("exit".equals(member)) {
                    return Optional.of("System.exit ends the grader's test JVM; throw an exception instead");
                }
                if (member != null && member.matches("set(Out|Err|In)")) {
                    return Optional.of("replacing System.out, System.err or System.in is not allowed");
                }
                return Optional.of("only System.out, System.err, arraycopy, nanoTime and currentTimeMillis may be used");
            }
            case "java/lang/Class" -> {
                return member != null && CLASS_ALLOWED.contains(member) ? Optional.empty()
                    : Optional.of("reflection (and reading resources through a class) is not allowed");
            }
            case "java/lang/Runtime", "java/lang/ProcessBuilder", "java/lang/Process", "java/lang/ProcessHandle" -> {
                return Optional.of("Runtime and processes are not allowed (no exit, shutdown hooks or programs)");
            }
            case "java/lang/ClassLoader", "java/lang/Module", "java/lang/ModuleLayer", "java/lang/StackWalker",
                 "java/lang/SecurityManager", "java/lang/Package" -> {
                return Optional.of("class loaders and the JVM's internals are not allowed");
            }
            default -> {
                if (type.startsWith("java/lang/Thread") || type.startsWith("java/lang/InheritableThreadLocal")) {
                    return Optional.of("threads are not allowed: the suites call your code on their own thread");
                }
                return Optional.empty();
            }
        }
    }

    /** The kit's packages a submission may use: the common ones and every assignment's contract. */
    private static List<String> kit(Course course) {
        List<String> kit = new ArrayList<>(KIT);
        course.assignments().forEach(a -> a.apiPackages().forEach(p -> kit.add(p.replace('.', '/') + "/")));
        return kit;
    }

    /** The package, dotted, of an internal class name ({@code a/b/C} and its nested {@code a/b/C$D}: {@code a.b}). */
    private static String packageOf(String type) {
        int slash = type.lastIndexOf('/');
        return slash < 0 ? "" : type.substring(0, slash).replace('/', '.');
    }

    private static boolean startsWithAny(String type, List<String> prefixes) {
        return prefixes.stream().anyMatch(type::startsWith);
    }
}
