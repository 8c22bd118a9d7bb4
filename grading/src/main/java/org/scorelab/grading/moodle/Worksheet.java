package org.scorelab.grading.moodle;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One assignment's grading worksheet, as downloaded from Moodle ("Download grading worksheet"), read so that it can be
 * written back with only the Grade and Feedback comments cells of some rows changed: every other byte (a UTF-8 BOM,
 * quoting, line endings, the other columns) stays as it was. Moodle writes the sheet with fputcsv (comma, quotes only
 * where needed, \n), and a spreadsheet saving it may change the separator to a semicolon; both are read.
 */
final class Worksheet {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * One participant's row.
     *
     * @param line the line it starts on
     * @param participantId the number after the identifier's prefix ("Participant 100001"), or null when the cell is
     *     not an identifier Moodle can read (Moodle skips such a row, and so does the grader)
     * @param cells the row's values
     * @param raw the row as read, with each cell's place in the text (to replace cells and nothing else)
     */
    record Row(int line, String participantId, List<String> cells, CsvText.Row raw) {
    }

    final String name;
    private final byte[] bom;
    private final CsvText csv;
    final WorksheetColumns columns;
    final char decimal;
    final List<Row> rows;

    private Worksheet(String name, byte[] bom, CsvText csv, WorksheetColumns columns, List<Row> rows) {
        this.name = name;
        this.bom = bom;
        this.csv = csv;
        this.columns = columns;
        this.rows = List.copyOf(rows);
        this.decimal = decimalOf(rows, columns);
    }

    /** Reads the worksheet at {@code file}, downloaded for {@code assignment}. */
    static Worksheet read(String assignment, Path file) {
        String name = "The " + assignment + " worksheet " + file;
        if (!Files.isRegularFile(file)) {
            throw new MoodleInputException(name + " does not exist (or is not a file): give the CSV downloaded with the "
                + "assignment's \"Download grading worksheet\".");
        }
        try {
            return parse(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new MoodleInputException(name + " cannot be read: " + e.getMessage());
        }
    }

    /** Reads a worksheet from its bytes; {@code name} names it in messages. */
    static Worksheet parse(String name, byte[] bytes) {
        boolean hasBom = bytes.length >= 3 && Arrays.equals(Arrays.copyOf(bytes, 3), BOM);
        String text = utf8(name, hasBom ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes);
        CsvText csv = csv(name, text, ',');
        if (!csv.rows().isEmpty() && WorksheetLanguage.of(csv.rows().get(0).values()).isEmpty()) {
            csv = semicolons(text).orElse(csv);
        }
        if (csv.rows().isEmpty()) {
            throw new MoodleInputException(name + " is empty: Moodle's upload needs its header row.");
        }
        List<String> header = csv.rows().get(0).values();
        WorksheetColumns columns = WorksheetColumns.of(header, name);
        List<Row> rows = new ArrayList<>();
        for (CsvText.Row r : csv.rows().subList(1, csv.rows().size())) {
            if (r.cells().size() != header.size()) {
                throw new MoodleInputException(name + " is not a table: the row on line " + r.line() + " has "
                    + r.cells().size() + " cells and the header " + header.size() + ", and Moodle's upload refuses the "
                    + "whole file for that (\"The number of columns is not consistent\"). Download it again.");
            }
            rows.add(new Row(r.line(), participantId(r.cells().get(columns.identifier()).value(), columns.language()),
                r.values(), r));
        }
        return new Worksheet(name, hasBom ? BOM : new byte[0], csv, columns, rows);
    }

    /** The text read with semicolons, if its header then has Moodle's labels (a spreadsheet saved it so). */
    private static Optional<CsvText> semicolons(String text) {
        try {
            CsvText csv = CsvText.parse(text, ';');
            return csv.rows().isEmpty() || WorksheetLanguage.of(csv.rows().get(0).values()).isEmpty() ? Optional.empty()
                : Optional.of(csv);
        } catch (CsvText.Malformed e) {
            return Optional.empty();
        }
    }

    private static String utf8(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MoodleInputException(name + " is not UTF-8, the encoding Moodle's upload expects: a spreadsheet "
                + "saved it in another one. Save it as \"CSV UTF-8\", or download it again.");
        }
    }

    private static CsvText csv(String name, String text, char delimiter) {
        try {
            return CsvText.parse(text, delimiter);
        } catch (CsvText.Malformed e) {
            throw new MoodleInputException(name + " is not valid CSV: " + e.getMessage() + ". Download it again.");
        }
    }

    /** What follows the language's prefix, if it is a number: what Moodle looks up as the participant id. */
    private static String participantId(String cell, WorksheetLanguage language) {
        String rest = cell.startsWith(language.participantPrefix) ? cell.substring(language.participantPrefix.length())
            : "";
        return rest.matches("\\d+") ? rest : null;
    }

    /**
     * The sheet's decimal separator: the one its Grade and Maximum Grade cells show (format_float writes the
     * language's 'decsep', and Moodle's upload reads grades with the same language's unformat_float), else the
     * language's own. A site that changed a language's separator shows it in these cells.
     */
    private static char decimalOf(List<Row> rows, WorksheetColumns columns) {
        boolean comma = false;
        boolean point = false;
        for (Row r : rows) {
            for (int c : new int[] {columns.grade(), columns.maximumGrade()}) {
                String v = r.cells().get(c).trim();
                comma |= v.matches("\\d+,\\d+");
                point |= v.matches("\\d+\\.\\d+");
            }
        }
        return comma == point ? columns.language().decimal : comma ? ',' : '.';
    }

    WorksheetLanguage language() {
        return columns.language();
    }

    char delimiter() {
        return csv.delimiter();
    }

    /** The rows whose identifier is participant {@code id}. */
    List<Row> rowsOf(String id) {
        return rows.stream().filter(r -> id.equals(r.participantId())).toList();
    }

    /** The row's value in {@code column}, or "" when the sheet has no such column. */
    String cell(Row row, int column) {
        return column < 0 ? "" : row.cells().get(column);
    }

    /** The row's maximum grade, read as Moodle's unformat_float reads a number in this sheet's language. */
    Optional<BigDecimal> maximumGrade(Row row) {
        String v = row.cells().get(columns.maximumGrade()).trim().replace(" ", "").replace(decimal, '.');
        try {
            return v.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(v));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A grade for a row whose maximum is {@code maximum}, rounded to at least 2 decimals, in the sheet's style. */
    String format(BigDecimal grade, BigDecimal maximum) {
        return grade.setScale(Math.max(2, maximum.scale()), RoundingMode.HALF_UP).toPlainString().replace('.', decimal);
    }

    /** The sheet's bytes with the Grade (and Feedback comments) cells of the given rows set; nothing else changes. */
    byte[] write(Map<Row, Filling> fillings) {
        Map<CsvText.Cell, String> replacements = new LinkedHashMap<>();
        fillings.forEach((row, f) -> {
            replacements.put(row.raw().cells().get(columns.grade()), CsvText.quote(f.grade(), delimiter()));
            if (columns.feedback() >= 0) {
                replacements.put(row.raw().cells().get(columns.feedback()), CsvText.quote(f.feedback(), delimiter()));
            }
        });
        byte[] text = csv.replace(replacements).getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, out, bom.length, text.length);
        return out;
    }

    /** The new Grade and Feedback comments values of a row. */
    record Filling(String grade, String feedback) {
    }

    /** "German labels, decimal comma", for the summary. */
    String describe() {
        return columns.language().name + " labels, decimal " + (decimal == ',' ? "comma" : "point")
            + (delimiter() == ';' ? ", cells separated by semicolons" : "");
    }
}
