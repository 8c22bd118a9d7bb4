package org.scorelab.grading.moodle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A CSV text cut into rows and cells that remembers where each cell's raw text sits, so that a few cells can be
 * replaced and every other character written back unchanged: quoting, spacing, line endings, blank lines. No CSV
 * library keeps a cell's raw text and quoting (Commons CSV, OpenCSV and Jackson hand out values, and writing those
 * back re-quotes every cell Moodle wrote), hence this small tokenizer.
 *
 * <p>It reads what PHP's fgetcsv reads where Moodle's csv_import_reader::load_csv_content (lib/csvlib.class.php)
 * parses an upload: cells separated by the delimiter; a cell in double quotes may hold the delimiter, line breaks and
 * doubled quotes; a quote inside an unquoted cell is kept as it is; line breaks are \n, \r\n or \r (Moodle turns
 * \r\n and \r into \n first); blank lines are no rows (Moodle skips them). It is stricter than fgetcsv where fgetcsv
 * would guess: text after a closing quote, and a quote never closed, are refused with the line they are on.
 */
final class CsvText {
    /**
     * One cell.
     *
     * @param start where its raw text starts in the whole text (at the opening quote, if quoted)
     * @param end where its raw text ends (after the closing quote)
     * @param value the cell's value, unquoted
     */
    record Cell(int start, int end, String value) {
        boolean empty() {
            return start == end;
        }
    }

    /** One row, {@code line} the 1-based line it starts on. */
    record Row(int line, List<Cell> cells) {
        List<String> values() {
            return cells.stream().map(Cell::value).toList();
        }
    }

    /** A text that is not CSV as Moodle reads it. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private final String text;
    private final char delimiter;
    private final List<Row> rows;

    private CsvText(String text, char delimiter, List<Row> rows) {
        this.text = text;
        this.delimiter = delimiter;
        this.rows = List.copyOf(rows);
    }

    List<Row> rows() {
        return rows;
    }

    char delimiter() {
        return delimiter;
    }

    static CsvText parse(String text, char delimiter) throws Malformed {
        return new Parser(text, delimiter).rows();
    }

    /** The text with the raw text of each cell in {@code replacements} replaced (give raw, already quoted, text). */
    String replace(Map<Cell, String> replacements) {
        StringBuilder out = new StringBuilder(text.length() + 256);
        int at = 0;
        for (Map.Entry<Cell, String> e : replacements.entrySet().stream()
            .sorted(Comparator.comparingInt(e -> e.getKey().start())).toList()) {
            out.append(text, at, e.getKey().start()).append(e.getValue());
            at = e.getKey().end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /**
     * {@code value} as PHP's fputcsv writes it, which is how Moodle writes the worksheet (csv_export_writer): in double
     * quotes, with quotes doubled, only when it holds the delimiter, a quote, a backslash, a line break, a tab or a
     * space; bare otherwise. A backslash before a quote changes how fgetcsv reads a quoted cell, so values with a
     * backslash are refused: callers write none.
     */
    static String quote(String value, char delimiter) {
        if (value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("a worksheet cell written by the grader holds a backslash, which PHP's "
                + "fgetcsv reads as an escape character: " + value);
        }
        boolean needed = value.chars().anyMatch(c -> c == delimiter || c == '"' || c == '\n' || c == '\r' || c == '\t'
            || c == ' ');
        return needed ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** The recursive-descent reader: rows of cells, each cell quoted or bare. */
    private static final class Parser {
        private final String text;
        private final char delimiter;
        private int at;
        private int line = 1;

        Parser(String text, char delimiter) {
            this.text = text;
            this.delimiter = delimiter;
        }

        CsvText rows() throws Malformed {
            List<Row> rows = new ArrayList<>();
            while (at < text.length()) {
                int rowLine = line;
                List<Cell> cells = new ArrayList<>();
                cells.add(cell());
                while (at < text.length() && text.charAt(at) == delimiter) {
                    at++;
                    cells.add(cell());
                }
                lineBreak();
                if (!(cells.size() == 1 && cells.get(0).empty())) {
                    rows.add(new Row(rowLine, cells));
                }
            }
            return new CsvText(text, delimiter, rows);
        }

        private Cell cell() throws Malformed {
            int start = at;
            if (at < text.length() && text.charAt(at) == '"') {
                return quoted(start);
            }
            while (at < text.length() && !ends(text.charAt(at))) {
                at++;
            }
            return new Cell(start, at, text.substring(start, at));
        }

        private Cell quoted(int start) throws Malformed {
            int openedOn = line;
            StringBuilder value = new StringBuilder();
            at++;
            while (true) {
                if (at >= text.length()) {
                    throw new Malformed("the quoted cell that starts on line " + openedOn + " is never closed: its "
                        + "closing double quote is missing");
                }
                char c = text.charAt(at);
                if (c == '"' && at + 1 < text.length() && text.charAt(at + 1) == '"') {
                    value.append('"');
                    at += 2;
                } else if (c == '"') {
                    at++;
                    break;
                } else {
                    countLine(c);
                    value.append(c);
                    at++;
                }
            }
            if (at < text.length() && !ends(text.charAt(at))) {
                throw new Malformed("line " + line + " has text after the closing quote of a cell (" + excerpt()
                    + "): a quoted cell must end at its closing quote");
            }
            return new Cell(start, at, value.toString());
        }

        private void countLine(char c) {
            if (c == '\n' || c == '\r' && !(at + 1 < text.length() && text.charAt(at + 1) == '\n')) {
                line++;
            }
        }

        private void lineBreak() {
            if (at < text.length()) {
                line++;
                at += text.startsWith("\r\n", at) ? 2 : 1;
            }
        }

        private boolean ends(char c) {
            return c == delimiter || c == '\n' || c == '\r';
        }

        private String excerpt() {
            return "\"" + text.substring(Math.max(0, at - 10), Math.min(text.length(), at + 10)).replace("\n", "\\n")
                + "\"";
        }
    }
}
