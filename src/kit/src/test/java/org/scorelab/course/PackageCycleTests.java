package org.scorelab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kit's packages depend on each other without a cycle (issue 21): the api packages are contracts, and the runs,
 * figures and descriptors that use them live in packages of their own. Read from the sources: every class a file
 * names in code (imports and fully qualified names; comments left out).
 */
class PackageCycleTests {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern NAMED = Pattern.compile("\\b(org\\.scorelab(?:\\.[a-z][a-z0-9]*)+)\\.[A-Z]");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void noPackageOfTheKitDependsOnItselfThroughAnother() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        assertThat(uses).containsKeys("org.scorelab.dsm.api", "org.scorelab.ebm.api", "org.scorelab.figures");
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            path(start, start, uses, new ArrayList<>(List.of(start)), new TreeSet<>()).ifPresent(cycles::add);
        }
        assertThat(cycles).isEmpty();
    }

    @Test
    void theApiPackagesUseNeitherTheRunsNorTheFiguresNorTheModels() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        for (String api : List.of("org.scorelab.dsm.api", "org.scorelab.ebm.api")) {
            assertThat(uses.get(api)).as(api).doesNotContain("org.scorelab.diagnostics", "org.scorelab.figures",
                "org.scorelab.ebm.models", "org.scorelab.dsm.sheet", "org.scorelab.ebm.sheet");
        }
    }

    /** A path from {@code at} back to {@code start}, as "a -> b -> a", if there is one. */
    private static java.util.Optional<String> path(String start, String at, Map<String, Set<String>> uses, List<String> trail,
                                                   Set<String> seen) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                return java.util.Optional.of(String.join(" -> ", trail) + " -> " + start);
            }
            if (seen.add(next)) {
                trail.add(next);
                var found = path(start, next, uses, trail, seen);
                if (found.isPresent()) {
                    return found;
                }
                trail.remove(trail.size() - 1);
            }
        }
        return java.util.Optional.empty();
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String pkg = SOURCES.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
                Set<String> mine = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = NAMED.matcher(COMMENTS.matcher(Files.readString(f)).replaceAll(""));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        mine.add(m.group(1));
                    }
                }
            }
        }
        return uses;
    }
}
