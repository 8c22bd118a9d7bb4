package org.scorelab.grading.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.scorelab.suites.support.Graded;

/**
 * The graded tests, discovered by the grader in its own JVM from the suites' class path roots: the submission's JVM
 * only runs what this plan selects, and a test it never reports scores zero.
 */
public final class SuitePlan {
    private static final String SUITES_PACKAGE = "org.scorelab.suites.";
    /** The resource that marks the hidden suites' class path root. */
    static final String HIDDEN_MARKER = "META-INF/scorelab/hidden-suites";

    private SuitePlan() {
    }

    /** The public suites' class path root (a jar or a classes folder). */
    public static Path publicRoot() {
        return location(Graded.class);
    }

    /**
     * The hidden suites' class path root: the one that holds the resource {@value #HIDDEN_MARKER}, which the hidden
     * suites' module ships (so the grader finds them without naming any assignment's test class).
     */
    public static Path hiddenRoot() {
        List<Path> roots = new ArrayList<>();
        try {
            for (URL url : Collections.list(SuitePlan.class.getClassLoader().getResources(HIDDEN_MARKER))) {
                roots.add(rootOf(url));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (roots.size() != 1) {
            throw new IllegalStateException(roots.isEmpty() ? "the hidden suites are not on the grader's class path (no "
                + HIDDEN_MARKER + ")" : "more than one class path root holds " + HIDDEN_MARKER + ": " + roots);
        }
        return roots.get(0);
    }

    /** The class path root (a jar, or a classes folder) of a resource at {@value #HIDDEN_MARKER}. */
    private static Path rootOf(URL url) {
        try {
            if (url.getProtocol().equals("jar")) {
                String file = url.getPath();
                return Path.of(new URI(file.substring(0, file.indexOf("!/")))).toAbsolutePath().normalize();
            }
            Path marker = Path.of(url.toURI());
            for (int i = 0; i < HIDDEN_MARKER.split("/").length; i++) {
                marker = marker.getParent();
            }
            return marker.toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The suites' class path roots: the public suites' and the plug-ins' public ones, then with {@code hidden} the
     * hidden suites' and the plug-ins' hidden ones.
     */
    public static List<Path> roots(boolean hidden) {
        List<Path> roots = new ArrayList<>();
        roots.add(publicRoot());
        roots.addAll(Plugins.checkRoots());
        if (hidden) {
            roots.addAll(hiddenRoots());
        }
        return roots;
    }

    /** The hidden suites' root and the plug-ins' hidden ones. */
    private static List<Path> hiddenRoots() {
        List<Path> roots = new ArrayList<>();
        roots.add(hiddenRoot());
        Plugins.hiddenRoots().forEach(p -> roots.add(p.toAbsolutePath().normalize()));
        return roots;
    }

    /**
     * Discovers the graded tests.
     *
     * @param hidden whether to include the hidden suites
     * @param include a regular expression on the test's class name without {@code org.scorelab.suites.} (for
     *     example {@code ebm\..*}), or null for all
     */
    public static List<PlannedTest> discover(boolean hidden, String include) {
        List<Path> hiddenRoots = hiddenRoots();
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClasspathRoots(new java.util.LinkedHashSet<>(roots(hidden))));
        if (include != null) {
            builder.filters(ClassNameFilter.includeClassNamePatterns(Pattern.quote(SUITES_PACKAGE) + include));
        }
        LauncherDiscoveryRequest request = builder.build();
        // JUnit loads the classes it finds through the context class loader: the plug-ins' suites are not on the
        // grader's class path.
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        TestPlan plan;
        try {
            thread.setContextClassLoader(Plugins.loader());
            plan = LauncherFactory.create().discover(request);
        } finally {
            thread.setContextClassLoader(before);
        }
        List<Ordered> found = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier t : plan.getDescendants(root)) {
                if (!t.isTest() || t.getSource().filter(MethodSource.class::isInstance).isEmpty()) {
                    continue;
                }
                MethodSource source = (MethodSource) t.getSource().get();
                Method method = source.getJavaMethod();
                Graded graded = method.getAnnotation(Graded.class);
                if (graded == null) {
                    continue;
                }
                String className = source.getClassName().replace(SUITES_PACKAGE, "");
                Order order = method.getAnnotation(Order.class);
                found.add(new Ordered(new PlannedTest(className + "." + method.getName(), t.getUniqueId(), graded.assignment(),
                    graded.task(), graded.points(), hiddenRoots.contains(location(source.getJavaClass()))), className,
                    order == null ? Order.DEFAULT : order.value(), method.getName()));
            }
        }
        // Within a class, the order its @Order annotations give (the order JUnit runs them in and the score preview
        // lists them), so that a task's first failure in the report is the check the suites put first: the one that
        // names the most basic mistake (issue 16).
        found.sort(Comparator.comparing((Ordered o) -> o.test().assignment()).thenComparing(o -> o.test().hidden())
            .thenComparing(Ordered::className).thenComparingInt(Ordered::order).thenComparing(Ordered::method));
        List<PlannedTest> tests = new ArrayList<>();
        found.forEach(o -> tests.add(o.test()));
        return tests;
    }

    private record Ordered(PlannedTest test, String className, int order, String method) {
    }

    /** The jar or class folder a class was loaded from. */
    public static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
