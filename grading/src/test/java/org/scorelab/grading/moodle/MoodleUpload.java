package org.scorelab.grading.moodle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Moodle's imports re-enacted for the tests, with their own labels and another CSV reader (Commons CSV), so that they
 * check the grader's files the way Moodle would and not the way the grader reads them:
 * <ul>
 *   <li>the worksheet: csv_import_reader::load_csv_content (BOM cut, \r\n and \r to \n, trimmed, every row as wide as
 *       the header), assignfeedback_offline_grade_importer::init (whole header cells equal to the labels, the last
 *       such column wins, a feedback column at index 0 ignored) and ::next (the prefix's bytes cut off the identifier,
 *       the grade through unformat_float: spaces dropped, the language's decsep to '.', then PHP's (float) cast);</li>
 *   <li>the feedback zip: assignfeedback_file_zip_importer::is_valid_filename_for_import (each path part split with
 *       explode('_', $part, 5), a numeric second piece that is a participant, a plugin in the third and fourth).</li>
 * </ul>
 */
final class MoodleUpload {
    /** The labels of one language, as Moodle's language packs give them. */
    record Labels(String identifier, String participantPrefix, String grade, String lastModified, String feedback,
                  char decsep) {
        static final Labels ENGLISH = new Labels("Identifier", "Participant ", "Grade", "Last modified (grade)",
            "Feedback comments", '.');
        static final Labels GERMAN = new Labels("ID", "Teilnehmer/in", "Bewertung", "Zuletzt geändert (Bewertung)",
            "Feedback als Kommentar", ',');
    }

    /** One imported row: the grade as Moodle reads it (null when empty), and the feedback (null without a column). */
    record Imported(String gradeCell, Double grade, String modified, String feedback) {
    }

    private MoodleUpload() {
    }

    /** Participant id to what Moodle's upload reads from its row; throws where Moodle refuses the file. */
    static Map<String, Imported> worksheet(byte[] bytes, Labels labels) {
        String content = new String(bytes, StandardCharsets.UTF_8);
        content = content.startsWith("\uFEFF") ? content.substring(1) : content;
        content = content.replaceAll("\r\n?", "\n").trim();
        List<CSVRecord> rows;
        try {
            rows = CSVFormat.DEFAULT.parse(new StringReader(content)).getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Moodle: csvweirdcolumns / cannot parse: " + e.getMessage());
        }
        List<String> header = rows.get(0).toList();
        for (CSVRecord r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalStateException("Moodle: csvweirdcolumns (a row of " + r.size() + " cells)");
            }
        }
        int id = header.lastIndexOf(labels.identifier());
        int grade = header.lastIndexOf(labels.grade());
        int modified = header.lastIndexOf(labels.lastModified());
        int feedback = header.lastIndexOf(labels.feedback());
        if (id < 0 || grade < 0 || modified < 0) {
            throw new IllegalStateException("Moodle: invalidgradeimport");
        }
        int prefixBytes = labels.participantPrefix().getBytes(StandardCharsets.UTF_8).length;
        Map<String, Imported> out = new LinkedHashMap<>();
        for (CSVRecord r : rows.subList(1, rows.size())) {
            byte[] idBytes = r.get(id).getBytes(StandardCharsets.UTF_8);
            String participant = idBytes.length <= prefixBytes ? "" : new String(idBytes, prefixBytes,
                idBytes.length - prefixBytes, StandardCharsets.UTF_8);
            if (participant.matches("\\d+")) {
                out.put(participant, new Imported(r.get(grade), unformatFloat(r.get(grade), labels.decsep()),
                    r.get(modified), feedback > 0 ? r.get(feedback) : null));
            }
        }
        return out;
    }

    /** lib/moodlelib.php unformat_float, then PHP's (float) cast, which reads the longest numeric prefix. */
    static Double unformatFloat(String cell, char decsep) {
        String v = cell.trim();
        if (v.isEmpty()) {
            return null;
        }
        v = v.replace(" ", "").replace(String.valueOf(decsep), ".");
        Matcher m = Pattern.compile("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?").matcher(v);
        return m.find() ? Double.parseDouble(m.group()) : 0.0;
    }

    /** Zip entry to the participant id Moodle's feedback zip import files it under (entries it skips are absent). */
    static Map<String, String> feedbackZip(byte[] zip, java.util.Set<String> participants) {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                List<String> parts = new ArrayList<>(List.of(e.getName().split("/")));
                while (!parts.isEmpty()) {
                    String[] info = parts.remove(0).split("_", 5);
                    if (info.length < 4 || !info[1].matches("\\d+") || !participants.contains(info[1])
                        || !info[2].matches("assign(submission|feedback)") || info[3].isEmpty()) {
                        continue;
                    }
                    out.put(e.getName(), info[1]);
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The entries of a zip, name to text. */
    static Map<String, String> entries(byte[] zip) {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
