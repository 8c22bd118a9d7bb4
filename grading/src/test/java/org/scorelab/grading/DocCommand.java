package org.scorelab.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A shell command as the documentation writes it: a line of a fenced {@code bash} block (lines continued with a
 * backslash joined, comments dropped, commands joined by {@code &&} apart), or an inline code span that starts with
 * {@code mvn }, {@code bash }, a script's path or {@code -D} (a fragment to add to a command).
 *
 * @param file the document, relative to the repository ({@code docs/grading.md})
 * @param line the line the command starts on (1-based)
 * @param text the command as written, comment and continuations removed
 * @param inline whether it is an inline code span, not a line of a block
 */
record DocCommand(String file, int line, String text, boolean inline) {
    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*(\\S*)");
    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
    /**
     * A script of the repository named by its path ({@code grading/bench/throughput.sh}, {@code .ci/run}); a bare file
     * name ({@code setup.sh}) is a name in prose, not a command.
     */
    static final Pattern SCRIPT = Pattern.compile("^(?:\\./)?(?:\\.ci/run|[\\w.-]+(?:/[\\w.-]+)+\\.(?:sh|py))(?:\\s|$)");

    /** Where it is, for a failure message and the table: {@code docs/grading.md:193}. */
    String where() {
        return file + ":" + line;
    }

    /** The command's words as bash splits them. */
    List<String> words() {
        return ShellWords.split(text);
    }

    /** A {@code -D...} span: a fragment of a command, not one to run. */
    boolean fragment() {
        return text.startsWith("-D");
    }

    /** The documents whose commands must be right as typed: README.md, docs/*.md, grading/README.md. */
    static List<Path> documents(Path repo) throws IOException {
        List<Path> documents = new ArrayList<>(List.of(repo.resolve("README.md")));
        try (Stream<Path> docs = Files.list(repo.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        if (Files.isRegularFile(repo.resolve("grading/README.md"))) {
            documents.add(repo.resolve("grading/README.md"));
        }
        return documents;
    }

    /** Every command of the documents, in order. */
    static List<DocCommand> in(Path repo) throws IOException {
        List<DocCommand> commands = new ArrayList<>();
        for (Path document : documents(repo)) {
            commands.addAll(of(repo.relativize(document).toString(), Files.readString(document)));
        }
        return commands;
    }

    /** The commands of one Markdown text: the lines of its bash blocks, and its inline command spans. */
    static List<DocCommand> of(String file, String markdown) {
        List<DocCommand> commands = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        String fence = null;
        StringBuilder logical = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher f = FENCE.matcher(lines[i]);
            if (f.find()) {
                fence = fence == null ? f.group(1) : null;
                continue;
            }
            if (fence == null) {
                inlineSpans(file, i + 1, lines[i], commands);
            } else if (fence.equals("bash") || fence.equals("sh")) {
                String code = ShellWords.withoutComment(lines[i]).stripTrailing();
                if (logical == null) {
                    logical = new StringBuilder();
                    start = i + 1;
                }
                boolean continued = code.endsWith("\\");
                logical.append(continued ? code.substring(0, code.length() - 1) : code).append(' ');
                if (!continued) {
                    for (String command : ShellWords.commands(logical.toString())) {
                        commands.add(new DocCommand(file, start, command, false));
                    }
                    logical = null;
                }
            }
        }
        return commands;
    }

    private static void inlineSpans(String file, int line, String text, List<DocCommand> commands) {
        Matcher m = SPAN.matcher(text);
        while (m.find()) {
            String span = m.group(1).strip();
            if (span.startsWith("mvn ") || span.startsWith("bash ") || span.startsWith("-D") || SCRIPT.matcher(span).find()) {
                commands.add(new DocCommand(file, line, span.replaceAll("\\s+", " "), true));
            }
        }
    }
}
