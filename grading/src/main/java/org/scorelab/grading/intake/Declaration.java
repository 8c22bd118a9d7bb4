package org.scorelab.grading.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Java source declares: its package (and where the package statement is) and its top-level class, read from
 * the code with comments and literals blanked out, so neither a commented-out package line nor a string that says
 * "class X" is taken for a declaration.
 *
 * @param packageName the declared package, or null for none
 * @param packageStart where the package statement starts in the text (-1 for none)
 * @param packageEnd where it ends, after its semicolon (-1 for none)
 * @param className the public top-level class (or interface, enum, record), else the first top-level one; null if none
 */
record Declaration(String packageName, int packageStart, int packageEnd, String className) {
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile(
        "((?:(?:public|protected|private|abstract|final|static|sealed|non-sealed|strictfp)\\s+)*)(?:class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)");

    static Declaration of(String text) {
        String code = blanked(text);
        Matcher p = PACKAGE.matcher(code);
        boolean hasPackage = p.find() && depth(code, p.start()) == 0;
        String className = null;
        Matcher t = TYPE.matcher(code);
        while (t.find()) {
            if (depth(code, t.start()) != 0 || t.start() > 0 && Character.isJavaIdentifierPart(code.charAt(t.start() - 1))) {
                continue;
            }
            if (t.group(1).contains("public")) {
                className = t.group(2);
                break;
            }
            if (className == null) {
                className = t.group(2);
            }
        }
        return hasPackage ? new Declaration(p.group(1), p.start(), p.end(), className) : new Declaration(null, -1, -1, className);
    }

    /**
     * The text with its package statement replaced by {@code package name;}, or, without one, that statement put in
     * front of the first line; either way every line keeps its number, so compiler messages point at the student's lines.
     */
    String withPackage(String text, String name) {
        String statement = "package " + name + ";";
        return packageStart < 0 ? statement + " " + text : text.substring(0, packageStart) + statement + text.substring(packageEnd);
    }

    /** Brace depth at {@code at} in blanked code. */
    private static int depth(String code, int at) {
        int depth = 0;
        for (int i = 0; i < at; i++) {
            char c = code.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        return depth;
    }

    /** The text with every comment, string, text block and character literal replaced by spaces (newlines kept). */
    static String blanked(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int end;
            if (text.startsWith("//", i)) {
                end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (text.startsWith("/*", i)) {
                end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (text.startsWith("\"\"\"", i)) {
                end = text.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < n && text.charAt(end) != c && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }
}
