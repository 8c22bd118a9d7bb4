package org.scorelab.grading.handout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scorelab.course.AssignmentDescriptor;

/**
 * The handout's poms, made from the repository's by small textual edits that keep their comments: the root pom keeps
 * its properties, dependency management and plugin management (so the handout has the repository's versions) and
 * loses every module and managed artifact students must not get; the module poms get the handout's parent.
 */
final class Poms {
    /** Repository artifacts that no handout pom may name. */
    static final List<String> FORBIDDEN = List.of("scorelab-reference", "scorelab-hidden-suites", "scorelab-grading",
        "scorelab-template-check");

    private static final Pattern ROOT_VERSION =
        Pattern.compile("(<artifactId>scorelab-parent</artifactId>\\s*<version>)([^<]+)(</version>)");
    private static final Pattern MODULES = Pattern.compile("<modules>.*?</modules>", Pattern.DOTALL);
    private static final Pattern INTERNAL_DEPENDENCY = Pattern.compile(
        "\\s*<dependency>\\s*<groupId>org\\.scorelab</groupId>\\s*<artifactId>scorelab-(?!kit<|suites<)[^<]*</artifactId>"
            + ".*?</dependency>", Pattern.DOTALL);
    private static final Pattern PARENT = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);

    private final String root;
    private final String version;
    private final List<String> assignments;
    private final List<AssignmentDescriptor> chosen;

    /**
     * @param root the repository's root pom
     * @param chosen the handout's assignments, in the course's order
     */
    Poms(String root, List<AssignmentDescriptor> chosen) {
        Matcher m = ROOT_VERSION.matcher(root);
        if (!m.find()) {
            throw new IllegalArgumentException("the repository's pom.xml has no scorelab-parent version");
        }
        this.version = m.group(2).replace("-SNAPSHOT", "") + "-student";
        this.root = root;
        this.chosen = chosen;
        this.assignments = chosen.stream().map(AssignmentDescriptor::name).toList();
    }

    /**
     * The handout's root: the aggregator of kit, checks and assignment, and their parent. Its version is not the
     * repository's, so the build can only find the kit and the checks in its own reactor, never in a local repository
     * where an instructor installed the repository's.
     */
    String root() {
        String pom = ROOT_VERSION.matcher(root).replaceFirst("$1" + version + "$3");
        pom = require(MODULES, pom, "<modules>\n    <module>kit</module>\n    <module>checks</module>\n"
            + "    <module>assignment</module>\n  </modules>");
        pom = INTERNAL_DEPENDENCY.matcher(pom).replaceAll("");
        pom = pom.replaceFirst("<name>[^<]*</name>", "<name>scorelab handout (" + String.join(", ", assignments) + ")</name>")
            .replaceFirst("<description>[^<]*</description>", "<description>The student handout: the kit, the public"
                + " checks and the assignment to fill in. `mvn -q test` runs the checks and prints a score preview."
                + "</description>");
        pom = pom.replaceFirst("<properties>", "<properties>\n    <!-- exec:java runs in the assignment module only:"
            + " `mvn -q compile exec:java` from this folder. -->\n    <exec.skip>true</exec.skip>\n    <exec.mainClass>"
            + mainClass() + "</exec.mainClass>");
        return checked(pom);
    }

    /** A module's pom with the handout's parent (found at {@code ../pom.xml}, Maven's default). */
    String module(String pom) {
        Matcher m = PARENT.matcher(pom);
        if (!m.find()) {
            throw new IllegalArgumentException("a module pom without <parent>");
        }
        String parent = m.group().replaceAll("<version>[^<]*</version>", "<version>" + version + "</version>")
            .replaceAll("\\s*<relativePath>[^<]*</relativePath>", "");
        return checked(pom.substring(0, m.start()) + parent + pom.substring(m.end()));
    }

    /** The template's pom as the assignment module: runs exec:java, and hands in with {@code exec:java@hand-in}. */
    String assignment(String pom) {
        String result = module(pom).replaceFirst("<properties>", "<properties>\n    <exec.skip>false</exec.skip>")
            .replaceFirst("<exec.mainClass>[^<]*</exec.mainClass>", "<exec.mainClass>" + mainClass() + "</exec.mainClass>")
            .replaceFirst("<description>[^<]*</description>", "<description>Your classes. `mvn -q test` in the folder above"
                + " runs the public checks and prints a score preview.</description>");
        String plugin = "<artifactId>exec-maven-plugin</artifactId>";
        if (!result.contains(plugin)) {
            throw new IllegalArgumentException("the template's pom has no exec-maven-plugin to add the hand-in to");
        }
        List<String> lines = new ArrayList<>(List.of("<execution>",
            "  <!-- `mvn -q compile exec:java@hand-in`: zips the task files into ../submission.zip for upload. -->",
            "  <id>hand-in</id>", "  <configuration>", "    <mainClass>org.scorelab.handin.HandIn</mainClass>",
            "    <arguments>", "      <argument>${project.basedir}/src/main/java</argument>",
            "      <argument>${project.basedir}/../submission.zip</argument>"));
        chosen.forEach(a -> lines.add("      <argument>" + a.packageName() + "</argument>"));
        lines.addAll(List.of("    </arguments>", "  </configuration>", "</execution>"));
        String handIn = String.join("\n          ", lines);
        // The template's exec plugin may have executions of its own (the score preview): the hand-in joins them.
        Matcher executions = Pattern.compile(Pattern.quote(plugin) + "\\s*<executions>").matcher(result);
        String withHandIn = executions.find()
            ? result.substring(0, executions.end()) + "\n          " + handIn + result.substring(executions.end())
            : result.replaceFirst(Pattern.quote(plugin), Matcher.quoteReplacement(plugin + "\n        <executions>\n          "
                + handIn + "\n        </executions>"));
        return checked(withHandIn);
    }

    /** What exec:java runs: the first assignment's end-to-end run. */
    private String mainClass() {
        return chosen.get(0).mainClass();
    }

    private static String require(Pattern p, String text, String replacement) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("the repository's pom.xml has no " + p.pattern());
        }
        return m.replaceFirst(Matcher.quoteReplacement(replacement));
    }

    private static String checked(String pom) {
        for (String name : FORBIDDEN) {
            if (pom.contains(name)) {
                throw new IllegalStateException("a handout pom would name " + name + ", which students must not get");
            }
        }
        return pom;
    }
}
