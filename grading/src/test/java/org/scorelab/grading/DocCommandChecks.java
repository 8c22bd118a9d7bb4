package org.scorelab.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.scorelab.grading.cli.Main;
import picocli.CommandLine;

/**
 * Checks a documentation command without running it: every module, class, test pattern, profile, goal, execution,
 * property and script it names exists, and the grader's arguments parse with the grader's own command line.
 */
final class DocCommandChecks {
    /** The grader's command line, which {@code -pl grading exec:java} runs unless {@code -Dexec.mainClass} says otherwise. */
    static final String GRADER = Main.class.getName();
    /** Properties of Maven's plugins the documentation may pass; any other must be read by the project's code. */
    private static final Set<String> PLUGIN_PROPERTIES = Set.of("exec.mainClass", "exec.args", "exec.classpathScope",
        "test", "skipTests", "surefire.failIfNoSpecifiedTests", "jacoco.haltOnFailure", "maven.repo.local");
    /** Prefixes of Maven's own plugins, which resolve without a declaration. */
    private static final Set<String> MAVENS_OWN = Set.of("clean", "compiler", "surefire", "jar", "install",
        "resources", "dependency", "help");

    /** What was checked of one command, in words for the table, and what is wrong with it. */
    record Checked(DocCommand command, List<String> how, List<String> problems) {
        Checked(DocCommand command) {
            this(command, new ArrayList<>(), new ArrayList<>());
        }

        void problem(String format, Object... args) {
            problems.add(String.format(format, args));
        }

        /** Each problem as a failure names it: where, the command as written, what is wrong. */
        List<String> messages() {
            return problems.stream().map(p -> command.where() + ": " + command.text() + "\n    " + p).toList();
        }
    }

    private final Path repo;
    private final ProjectPoms poms;
    private final Map<String, String> handoutCommands;
    private final String sources;

    /**
     * @param handoutCommands the Maven commands of the student handout's READMEs (run in the handout's folder, not
     *     here), each with how it is checked there
     */
    DocCommandChecks(Path repo, ProjectPoms poms, Map<String, String> handoutCommands) throws IOException {
        this.repo = repo;
        this.poms = poms;
        this.handoutCommands = handoutCommands;
        try (Stream<Path> files = Files.walk(repo)) {
            // The modules' own code, not the corpora of submissions under test resources (some not even UTF-8).
            List<Path> java = files.filter(f -> repo.relativize(f).toString().matches("(.+/)?src/(main|test)/java/.+\\.java"))
                .toList();
            StringBuilder all = new StringBuilder();
            for (Path f : java) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
            this.sources = all.toString();
        }
    }

    Checked check(DocCommand command) {
        Checked out = new Checked(command);
        try {
            List<String> words = command.words();
            if (command.fragment()) {
                fragment(command.text(), out);
            } else if (command.text().equals("mvn ...")) {
                out.how().add("prose: stands for any Maven command");
            } else if (words.get(0).equals("mvn") && handoutCommands.containsKey(command.text())) {
                out.how().add("the handout's: " + handoutCommands.get(command.text()));
            } else if (words.get(0).equals("mvn") && isHandouts(MavenCommand.of(words))) {
                out.problem("exec:java without -pl is a command of the student handout, but no handout README has it"
                    + " (their commands: %s)", handoutCommands.keySet());
            } else if (words.get(0).equals("mvn")) {
                maven(MavenCommand.of(words), out);
            } else {
                DocScripts.check(repo, words, Path.of(command.file()).getParent(), out);
            }
        } catch (IllegalArgumentException e) {
            out.problem("%s", e.getMessage());
        }
        return out;
    }

    /**
     * Whether the text is a command one would type, rather than a fragment to add to one ({@code -Dexec.args=7}) or
     * a program named in prose ({@code mvn ...}, {@code bash -n}).
     */
    static boolean isCommand(DocCommand c) {
        List<String> words = c.words();
        return !c.fragment() && !c.text().equals("mvn ...")
            && !(words.get(0).equals("bash") && words.stream().skip(1).allMatch(w -> w.startsWith("-")));
    }

    /** A handout's command: exec:java with no -pl, which the repository's aggregator pom cannot run. */
    private static boolean isHandouts(MavenCommand mvn) {
        return mvn.modules().isEmpty() && mvn.tasks().stream().anyMatch(t -> t.startsWith("exec:java"));
    }

    /**
     * A command of a handout README that HandoutTests does not run (it runs the two-assignment handout's): the main
     * class it names is the template's, which is the handout's assignment module.
     */
    Checked checkHandoutOnly(DocCommand command) {
        Checked out = new Checked(command);
        MavenCommand mvn = MavenCommand.of(command.words());
        String mainClass = mvn.properties().get("exec.mainClass");
        ProjectPoms.Module template = poms.module("student-template").orElseThrow();
        try {
            if (mainClass != null && !poms.hasMain(template, mainClass, false)) {
                out.problem("%s: no class with a main method in the template (the handout's assignment module)", mainClass);
            }
        } catch (IOException e) {
            out.problem("reading %s: %s", mainClass, e);
        }
        out.how().add(mainClass == null ? "no class named" : "main class in the template");
        return out;
    }

    /** An inline {@code -D...} span: a property or arguments to add to a command the text names. */
    private void fragment(String text, Checked out) {
        List<String> words = ShellWords.split(text);
        String definition = words.get(0).substring(2);
        String name = definition.split("=", 2)[0];
        if (name.equals("exec.args") && definition.contains("=") && words.size() == 1) {
            List<String> args = ShellWords.execArgs(definition.substring(name.length() + 1));
            if (!args.isEmpty() && new CommandLine(new Main()).getSubcommands().containsKey(args.get(0))) {
                graderArgs(args, out);
            } else {
                out.how().add("arguments of a program with no option parser: not checked");
            }
        } else if (name.startsWith("scorelab.") && !name.contains("*")) {
            property(name, out);
        } else {
            out.how().add("a Maven option named in prose");
        }
    }

    private void maven(MavenCommand mvn, Checked out) {
        mvn.unknown().forEach(w -> out.problem("Maven has no option or task '%s'%s", w,
            w.contains("...") ? " (an elision: write the command out as it is typed)" : ""));
        List<ProjectPoms.Module> modules = new ArrayList<>();
        for (String selector : mvn.modules()) {
            poms.module(selector).ifPresentOrElse(modules::add,
                () -> out.problem("-pl %s: no such module (modules: %s)", selector,
                    poms.modules().stream().map(ProjectPoms.Module::path).collect(Collectors.joining(", "))));
        }
        out.how().add(mvn.modules().isEmpty() ? "reactor" : "-pl " + String.join(",", mvn.modules()) + " exist");
        List<ProjectPoms.Module> built = mvn.modules().isEmpty() ? poms.modules() : modules;
        for (String profile : mvn.profiles()) {
            if (built.stream().noneMatch(m -> poms.profiles(m).contains(profile))) {
                out.problem("-P%s: no pom of %s declares the profile", profile, mvn.modules());
            }
        }
        for (String task : mvn.tasks()) {
            if (MavenCommand.isGoal(task)) {
                goal(task, mvn, built, out);
            } else if (!MavenCommand.PHASES.contains(task)) {
                out.problem("'%s' is neither a phase of Maven's lifecycles nor a plugin goal", task);
            }
        }
        mvn.properties().keySet().stream().filter(p -> !PLUGIN_PROPERTIES.contains(p)).forEach(p -> property(p, out));
        String tests = mvn.properties().get("test");
        if (tests != null) {
            testPattern(tests, mvn, built, out);
        }
        if (mvn.tasks().contains("exec:java")) {
            execJava(mvn, modules, out);
        }
    }

    private void goal(String goal, MavenCommand mvn, List<ProjectPoms.Module> built, Checked out) {
        List<String> plugins = MavenCommand.pluginArtifactIds(goal);
        String execution = MavenCommand.executionId(goal);
        for (ProjectPoms.Module m : built) {
            Optional<Set<String>> executions = plugins.stream()
                .map(a -> poms.executions(m, a, mvn.profiles())).flatMap(Optional::stream).findFirst();
            boolean mavensOwn = goal.split(":").length == 2 && MAVENS_OWN.contains(goal.split(":")[0]);
            if (executions.isEmpty() && !mavensOwn) {
                out.problem("%s: %s's pom and the root pom declare no plugin %s%s", goal, m.path(), plugins.get(0),
                    mvn.profiles().isEmpty() ? "" : " (profiles " + mvn.profiles() + " active)");
            } else if (execution != null && executions.isPresent() && !executions.get().contains(execution)) {
                out.problem("%s: %s has no execution '%s' (it has %s)", goal, m.path(), execution, executions.get());
            }
        }
        out.how().add(goal + (execution != null ? " execution" : " plugin") + " declared");
    }

    private void testPattern(String pattern, MavenCommand mvn, List<ProjectPoms.Module> built, Checked out) {
        try {
            for (ProjectPoms.Module m : built) {
                if (poms.classes(m, true).stream().noneMatch(c -> MavenCommand.testPatternMatches(pattern, c))) {
                    out.problem("-Dtest=%s matches no test class of %s", pattern, m.path());
                }
            }
        } catch (IOException e) {
            out.problem("reading the test classes: %s", e);
        }
        if ((mvn.alsoMake() || built.size() > 1)
            && !"false".equals(mvn.properties().get("surefire.failIfNoSpecifiedTests"))) {
            out.problem("-Dtest=%s with several modules built: Surefire fails in each module without a match;"
                + " add -Dsurefire.failIfNoSpecifiedTests=false", pattern);
        }
        out.how().add("-Dtest matches");
    }

    private void execJava(MavenCommand mvn, List<ProjectPoms.Module> modules, Checked out) {
        if (mvn.modules().size() != 1) {
            out.problem("exec:java runs in one module: name it with -pl");
        }
        if (modules.size() != 1) {
            return;
        }
        ProjectPoms.Module m = modules.get(0);
        String scope = mvn.properties().getOrDefault("exec.classpathScope", "runtime");
        if (!Set.of("compile", "runtime", "test", "system").contains(scope)) {
            out.problem("-Dexec.classpathScope=%s: exec:java knows compile, runtime, test and system", scope);
        }
        Optional<String> mainClass = Optional.ofNullable(mvn.properties().get("exec.mainClass"))
            .or(() -> poms.property(m, "exec.mainClass"));
        if (mainClass.isEmpty()) {
            out.problem("exec:java in %s: no -Dexec.mainClass and no exec.mainClass property in its pom", m.path());
            return;
        }
        try {
            boolean test = scope.equals("test");
            if (!poms.hasMain(m, mainClass.get(), false) && !(test && poms.hasMain(m, mainClass.get(), true))) {
                out.problem("%s: no class with a main method in %s's %s sources%s", mainClass.get(), m.path(),
                    test ? "main or test" : "main", !test && poms.hasMain(m, mainClass.get(), true)
                        ? " (it is a test class: add -Dexec.classpathScope=test)" : "");
            }
        } catch (IOException e) {
            out.problem("reading %s: %s", mainClass.get(), e);
        }
        out.how().add("main class " + mainClass.get().substring(mainClass.get().lastIndexOf('.') + 1) + " exists");
        if (mainClass.get().equals(GRADER)) {
            String args = mvn.properties().get("exec.args");
            graderArgs(args != null ? ShellWords.execArgs(args) : poms.execArguments(m), out);
        }
    }

    /** The grader's arguments parse with its own command line, and the repository's files they name exist. */
    private void graderArgs(List<String> args, Checked out) {
        try {
            new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            out.problem("the grader refuses the arguments %s: %s", args, e.getMessage());
        }
        for (String arg : args) {
            String path = arg.contains("=") && !arg.startsWith("-") ? arg.substring(arg.indexOf('=') + 1) : arg;
            Path first = Path.of(path).getNameCount() > 0 ? Path.of(path).getName(0) : Path.of("");
            if (!path.startsWith("/") && !path.startsWith("-") && path.contains("/") && Files.exists(repo.resolve(first))
                && !Files.exists(repo.resolve(path))) {
                out.problem("the grader's argument %s: the repository has no %s", arg, path);
            }
        }
        out.how().add("grader args parse (picocli)");
    }

    private void property(String name, Checked out) {
        if (!name.startsWith("scorelab.")) {
            out.problem("-D%s: no plugin the documentation uses reads it, and it is not one of the project's"
                + " (scorelab.*)", name);
        } else if (!sources.contains("\"" + name + "\"")) {
            out.problem("-D%s: no source of the repository reads it (no \"%s\" in any .java file)", name, name);
        } else {
            out.how().add("-D" + name + " is read");
        }
    }
}
