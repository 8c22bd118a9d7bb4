package org.scorelab.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Splits text into words as the programs that read the documentation's commands do: bash (single and double quotes,
 * backslash escapes, {@code #} comments, {@code &&} lists) and exec-maven-plugin's {@code -Dexec.args} (plexus'
 * {@code CommandLineUtils.translateCommandline}: single or double quotes group and are removed, no escapes).
 */
final class ShellWords {
    private ShellWords() {
    }

    /** The line without its comment: from a {@code #} that starts a word outside quotes. */
    static String withoutComment(String line) {
        int hash = firstUnquoted(line, 0, i -> line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1))));
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** The commands of a logical line, split at {@code &&} outside quotes, each stripped; blank ones dropped. */
    static List<String> commands(String line) {
        List<String> commands = new ArrayList<>();
        int from = 0;
        for (int and; (and = firstUnquoted(line, from, i -> line.startsWith("&&", i))) >= 0; from = and + 2) {
            commands.add(line.substring(from, and));
        }
        commands.add(line.substring(from));
        return commands.stream().map(s -> s.strip().replaceAll("\\s+", " ")).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The first index from {@code from} on that lies outside quotes and backslash escapes and satisfies {@code at},
     * or -1. {@code from} must itself lie outside quotes.
     */
    private static int firstUnquoted(String line, int from, IntPredicate at) {
        char quote = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\\') {
                i++;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (at.test(i)) {
                return i;
            }
        }
        return -1;
    }

    /** A command's words as bash splits them (no expansions: the documentation's commands need none). */
    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < command.length()) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("an unclosed " + quote + " quote in: " + command);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** {@code -Dexec.args}'s words as exec-maven-plugin splits them (plexus' translateCommandline). */
    static List<String> execArgs(String args) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quotedWord = false;
        char quote = 0;
        for (char c : args.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                quotedWord = true;
            } else if (c == ' ') {
                if (quotedWord || word.length() > 0) {
                    words.add(word.toString());
                }
                word.setLength(0);
                quotedWord = false;
            } else {
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("an unbalanced " + quote + " quote in -Dexec.args: " + args);
        }
        if (quotedWord || word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
