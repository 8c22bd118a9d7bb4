package org.scorelab.grading.score;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Points given by hand (the sheets' pen-and-paper tasks), read from a CSV with the header
 * {@code student,assignment,task,points,comment}; {@code student} is the identifier or the full name.
 */
public final class ManualPoints {
    /** One mark given by hand. */
    public record Mark(String assignment, String task, double points, String comment) {
    }

    private final Map<String, List<Mark>> byStudent;

    private ManualPoints(Map<String, List<Mark>> byStudent) {
        this.byStudent = byStudent;
    }

    public static ManualPoints none() {
        return new ManualPoints(Map.of());
    }

    /** Reads the CSV; a malformed row fails with its line number. */
    public static ManualPoints read(Path csv) throws IOException {
        Map<String, List<Mark>> marks = new TreeMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                try {
                    double points = Double.parseDouble(r.get("points"));
                    marks.computeIfAbsent(r.get("student"), k -> new java.util.ArrayList<>())
                        .add(new Mark(r.get("assignment"), r.get("task"), points, r.isMapped("comment") ? r.get("comment") : ""));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("manual points " + csv + ", line " + r.getRecordNumber()
                        + ": expected student,assignment,task,points,comment with a number of points (" + e.getMessage() + ")");
                }
            }
        }
        return new ManualPoints(marks);
    }

    /** Every mark, by student, in a stable order: part of a grading's plan (Grader.planId). */
    @Override
    public String toString() {
        return new TreeMap<>(byStudent).toString();
    }

    /** The marks of a student, looked up by identifier, then by name. */
    public List<Mark> of(String id, String name) {
        return byStudent.getOrDefault(id, byStudent.getOrDefault(name, List.of()));
    }
}
