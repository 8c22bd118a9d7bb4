package org.scorelab.grading.fairness;

import java.util.Map;
import java.util.TreeMap;

/**
 * Edits of a submission's sources, as the misconceptions corpus makes them: each edit names text that must occur
 * exactly once in the file as edited so far, so a draw fails loudly when the reference changes under it.
 */
final class SourceEdits {
    private final Map<String, String> files;

    SourceEdits(Map<String, String> files) {
        this.files = new TreeMap<>(files);
    }

    /** Replaces the one occurrence of {@code find} in {@code file}. */
    SourceEdits replace(String file, String find, String replacement) {
        String text = text(file);
        int at = once(file, text, find);
        files.put(file, text.substring(0, at) + replacement + text.substring(at + find.length()));
        return this;
    }

    /** Replaces everything from the one occurrence of {@code start} to the end of {@code file}. */
    SourceEdits replaceFrom(String file, String start, String replacement) {
        String text = text(file);
        files.put(file, text.substring(0, once(file, text, start)) + replacement);
        return this;
    }

    Map<String, String> files() {
        return new TreeMap<>(files);
    }

    private String text(String file) {
        String text = files.get(file);
        if (text == null) {
            throw new IllegalStateException("no file " + file + " in the reference");
        }
        return text;
    }

    private static int once(String file, String text, String find) {
        int at = text.indexOf(find);
        if (at < 0 || text.indexOf(find, at + 1) >= 0) {
            throw new IllegalStateException("the text to replace must occur exactly once in " + file + ", found "
                + (at < 0 ? "none" : "several") + " (the reference changed?): " + find);
        }
        return at;
    }
}
