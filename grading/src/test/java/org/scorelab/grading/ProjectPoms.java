package org.scorelab.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What the repository's poms declare, as much as the documentation's Maven commands name: the modules, their main and
 * test classes, profiles, plugins with their executions, properties and exec-maven-plugin's configured arguments.
 */
final class ProjectPoms {
    /** A module of the reactor: its folder relative to the repository ({@code src/kit}), its artifactId and pom. */
    record Module(String path, String artifactId, Document pom) {
    }

    private static final javax.xml.xpath.XPath XPATH = XPathFactory.newInstance().newXPath();

    private final Path repo;
    private final Document root;
    private final Map<String, Module> modules = new LinkedHashMap<>();

    ProjectPoms(Path repo) throws Exception {
        this.repo = repo;
        this.root = read(repo.resolve("pom.xml"));
        for (String path : texts(root, "/project/modules/module")) {
            Document pom = read(repo.resolve(path).resolve("pom.xml"));
            modules.put(path, new Module(path, text(pom, "/project/artifactId"), pom));
        }
    }

    Document root() {
        return root;
    }

    List<Module> modules() {
        return List.copyOf(modules.values());
    }

    /** The module a {@code -pl} entry names: its folder, or its artifactId with or without a leading colon. */
    Optional<Module> module(String selector) {
        String s = selector.replaceAll("/+$", "");
        return modules.values().stream()
            .filter(m -> m.path().equals(s) || m.artifactId().equals(s) || (":" + m.artifactId()).equals(s)).findFirst();
    }

    /** The project version, as the reactor's artifacts carry it. */
    String version() {
        return text(root, "/project/version");
    }

    /** The version of a plugin the root pom's pluginManagement names. */
    String managedPluginVersion(String artifactId) {
        return text(root, "/project/build/pluginManagement/plugins/plugin[artifactId='" + artifactId + "']/version");
    }

    /** The profile ids declared in the root pom or in {@code module}'s. */
    Set<String> profiles(Module module) {
        List<String> ids = new ArrayList<>(texts(root, "/project/profiles/profile/id"));
        ids.addAll(texts(module.pom(), "/project/profiles/profile/id"));
        return Set.copyOf(ids);
    }

    /** A property of {@code module}'s pom, else the root pom's. */
    Optional<String> property(Module module, String name) {
        return Optional.ofNullable(text(module.pom(), "/project/properties/" + name))
            .or(() -> Optional.ofNullable(text(root, "/project/properties/" + name)));
    }

    /**
     * The execution ids of the plugin {@code artifactId} as {@code module} builds with the given profiles active (its
     * {@code <build><plugins>}, the root pom's, and theirs in the active profiles); empty if it does not declare the
     * plugin there (pluginManagement alone does not count: the prefix would not resolve offline).
     */
    Optional<Set<String>> executions(Module module, String artifactId, Set<String> activeProfiles) {
        List<String> ids = new ArrayList<>();
        boolean declared = false;
        for (Document pom : List.of(root, module.pom())) {
            List<String> builds = new ArrayList<>(List.of("/project/build"));
            activeProfiles.forEach(p -> builds.add("/project/profiles/profile[id='" + p + "']/build"));
            for (String build : builds) {
                String plugin = build + "/plugins/plugin[artifactId='" + artifactId + "']";
                declared |= !texts(pom, plugin + "/artifactId").isEmpty();
                ids.addAll(texts(pom, plugin + "/executions/execution/id"));
            }
        }
        return declared ? Optional.of(Set.copyOf(ids)) : Optional.empty();
    }

    /** exec-maven-plugin's configured {@code <arguments>} in {@code module}, {@code ${project.basedir}} resolved. */
    List<String> execArguments(Module module) {
        return texts(module.pom(), "/project/build/plugins/plugin[artifactId='exec-maven-plugin']/configuration/arguments/argument")
            .stream().map(a -> a.replace("${project.basedir}", module.path())).toList();
    }

    /**
     * The classes of {@code module}'s main ({@code test} false) or test sources, as paths without extension
     * ({@code org/scorelab/grading/HostileCorpusTests}); the test classes include the main classes of the modules its
     * Surefire scans ({@code dependenciesToScan}), as Surefire runs them.
     */
    List<String> classes(Module module, boolean test) throws IOException {
        List<Path> roots = new ArrayList<>(List.of(repo.resolve(module.path()).resolve(test ? "src/test/java" : "src/main/java")));
        if (test) {
            for (String scanned : texts(module.pom(), "//plugin[artifactId='maven-surefire-plugin']/configuration/dependenciesToScan/dependency")) {
                module(scanned.substring(scanned.indexOf(':') + 1))
                    .ifPresent(m -> roots.add(repo.resolve(m.path()).resolve("src/main/java")));
            }
        }
        List<String> classes = new ArrayList<>();
        for (Path sources : roots) {
            if (Files.isDirectory(sources)) {
                try (Stream<Path> files = Files.walk(sources)) {
                    files.filter(f -> f.toString().endsWith(".java")).map(f -> sources.relativize(f).toString())
                        .map(f -> f.substring(0, f.length() - ".java".length())).sorted().forEach(classes::add);
                }
            }
        }
        return classes;
    }

    /** Whether {@code className} is in {@code module}'s main or test sources and declares {@code main}. */
    boolean hasMain(Module module, String className, boolean test) throws IOException {
        Path source = repo.resolve(module.path()).resolve(test ? "src/test/java" : "src/main/java")
            .resolve(className.replace('.', '/') + ".java");
        return Files.isRegularFile(source)
            && Pattern.compile("static\\s+void\\s+main\\s*\\(").matcher(Files.readString(source)).find();
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String text(Document pom, String xpath) {
        List<String> all = texts(pom, xpath);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<String> texts(Document pom, String xpath) {
        try {
            NodeList nodes = (NodeList) XPATH.evaluate(xpath, pom, XPathConstants.NODESET);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent().strip());
            }
            return texts;
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }
}
