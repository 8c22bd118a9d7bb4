package org.scorelab.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code mvn} command's words sorted by what Maven does with them: the modules of {@code -pl}, {@code -am}, the
 * profiles of {@code -P}, the user properties of {@code -D}, the phases and goals; and the words Maven would refuse.
 *
 * @param modules the {@code -pl} entries, in order (empty: the whole reactor)
 * @param alsoMake whether {@code -am} builds the modules they depend on too
 * @param profiles the {@code -P} profile ids
 * @param properties the {@code -D} properties (a name alone is "true", as Maven sets it)
 * @param tasks the phases and goals ({@code verify}, {@code exec:java}, {@code g:a:goal@id})
 * @param unknown the words that are neither (an option Maven does not have, an elision such as {@code ...})
 */
record MavenCommand(List<String> modules, boolean alsoMake, Set<String> profiles, Map<String, String> properties,
                    List<String> tasks, List<String> unknown) {
    /** Maven's options that take no value, as the documentation may use them. */
    private static final Set<String> FLAGS = Set.of("-B", "--batch-mode", "-q", "--quiet", "-o", "--offline", "-e",
        "--errors", "-X", "--debug", "-U", "-N", "--non-recursive", "-am", "--also-make", "-amd", "--also-make-dependents",
        "-ntp", "--no-transfer-progress", "--fail-at-end", "-fae");
    /** Maven's options that take the next word. */
    private static final Set<String> WITH_VALUE = Set.of("-T", "--threads", "-f", "--file", "-s", "--settings", "-rf",
        "--resume-from");
    /** The phases of Maven's default and clean lifecycles. */
    static final Set<String> PHASES = Set.of("clean", "validate", "initialize", "generate-sources", "process-sources",
        "generate-resources", "process-resources", "compile", "process-classes", "generate-test-sources",
        "process-test-sources", "generate-test-resources", "process-test-resources", "test-compile",
        "process-test-classes", "test", "prepare-package", "package", "pre-integration-test", "integration-test",
        "post-integration-test", "verify", "install", "deploy");

    /** Sorts the words of {@code mvn WORDS...} (the first word, {@code mvn}, included). */
    static MavenCommand of(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("mvn")) {
            throw new IllegalArgumentException("not a Maven command: " + words);
        }
        List<String> modules = new ArrayList<>();
        Set<String> profiles = new LinkedHashSet<>();
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> tasks = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        boolean alsoMake = false;
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            boolean hasNext = i + 1 < words.size();
            if (w.equals("-pl") || w.equals("--projects")) {
                if (hasNext) {
                    modules.addAll(List.of(words.get(++i).split(",")));
                } else {
                    unknown.add(w);
                }
            } else if (w.equals("-P") || w.equals("--activate-profiles")) {
                if (hasNext) {
                    profiles.addAll(List.of(words.get(++i).split(",")));
                } else {
                    unknown.add(w);
                }
            } else if (w.startsWith("-P") && w.length() > 2) {
                profiles.addAll(List.of(w.substring(2).split(",")));
            } else if (w.equals("-D") && hasNext) {
                property(words.get(++i), properties);
            } else if (w.startsWith("-D") && w.length() > 2) {
                property(w.substring(2), properties);
            } else if (w.equals("-am") || w.equals("--also-make")) {
                alsoMake = true;
            } else if (FLAGS.contains(w)) {
                continue;
            } else if (WITH_VALUE.contains(w) && hasNext) {
                i++;
            } else if (w.startsWith("-") || w.contains("...")) {
                unknown.add(w);
            } else {
                tasks.add(w);
            }
        }
        return new MavenCommand(List.copyOf(modules), alsoMake, Set.copyOf(profiles), properties, List.copyOf(tasks),
            List.copyOf(unknown));
    }

    private static void property(String definition, Map<String, String> properties) {
        int eq = definition.indexOf('=');
        properties.put(eq < 0 ? definition : definition.substring(0, eq), eq < 0 ? "true" : definition.substring(eq + 1));
    }

    /** Whether a task is a plugin's goal ({@code exec:java}, {@code g:a:goal@id}) rather than a phase. */
    static boolean isGoal(String task) {
        return task.contains(":");
    }

    /** The artifactIds a goal's plugin may have: its own, or those a prefix stands for. */
    static List<String> pluginArtifactIds(String goal) {
        String[] parts = goal.split("@", 2)[0].split(":");
        if (parts.length >= 3) {
            return List.of(parts[1]);
        }
        return List.of(parts[0] + "-maven-plugin", "maven-" + parts[0] + "-plugin");
    }

    /** A goal's execution id ({@code fast} of {@code ...:mutationCoverage@fast}), or null. */
    static String executionId(String goal) {
        int at = goal.indexOf('@');
        return at < 0 ? null : goal.substring(at + 1);
    }

    /** Whether a Surefire {@code -Dtest} pattern selects the class at {@code path} ({@code org/scorelab/x/FooTests}). */
    static boolean testPatternMatches(String patterns, String path) {
        boolean included = false;
        for (String raw : patterns.split(",")) {
            boolean exclude = raw.startsWith("!");
            String p = (exclude ? raw.substring(1) : raw).split("#", 2)[0].strip();
            if (p.isEmpty()) {
                continue;
            }
            p = p.replaceAll("\\.(java|class)$", "");
            if (!p.contains("/") && p.contains(".")) {
                p = p.replace('.', '/');
            }
            if (!p.contains("/")) {
                p = "**/" + p;
            }
            if (path.matches(glob(p))) {
                if (exclude) {
                    return false;
                }
                included = true;
            }
        }
        return included;
    }

    /** A path glob as Surefire reads it: {@code **} any folders, {@code *} any characters of one name, {@code ?} one. */
    private static String glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
