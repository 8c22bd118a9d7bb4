package org.scorelab.grading.moodle;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Who the students are outside the assignment: a CSV with a user field Moodle's gradebook import can match
 * ({@code email} and/or {@code idnumber}, grade/import/csv load_data::map_user_data_with_value) for each student,
 * found by the participant id of the student's folder ({@code id}) or by the full name ({@code name}). A name given
 * twice with different fields finds nobody.
 */
final class Roster {
    /** A student's user fields; empty strings when not given. */
    record Person(String email, String idnumber) {
    }

    /** Who a row of the roster names: the participant id of their folder and the full name, either may be empty. */
    record Named(String id, String name) {
    }

    private final Map<String, Person> byId;
    private final Map<String, Optional<Person>> byName;
    final List<Named> students;
    final boolean given;

    private Roster(Map<String, Person> byId, Map<String, Optional<Person>> byName, List<Named> students, boolean given) {
        this.byId = byId;
        this.byName = byName;
        this.students = List.copyOf(students);
        this.given = given;
    }

    static Roster none() {
        return new Roster(Map.of(), Map.of(), List.of(), false);
    }

    static Roster read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MoodleInputException("The roster " + file + " does not exist (or is not a file).");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = format.parse(in);
            List<String> header = parser.getHeaderNames();
            if (!(header.contains("id") || header.contains("name")) || !(header.contains("email")
                || header.contains("idnumber"))) {
                throw new MoodleInputException("The roster " + file + " needs a column \"id\" (the participant id of the"
                    + " student's folder) or \"name\" (the full name), and a column \"email\" or \"idnumber\" (what "
                    + "Moodle's gradebook import matches users by); found " + header + ".");
            }
            Map<String, Person> byId = new HashMap<>();
            Map<String, Optional<Person>> byName = new HashMap<>();
            List<Named> students = new ArrayList<>();
            for (CSVRecord r : parser) {
                Person p = new Person(get(r, "email"), get(r, "idnumber"));
                if (!get(r, "id").isEmpty() || !get(r, "name").isEmpty()) {
                    students.add(new Named(get(r, "id"), get(r, "name")));
                }
                if (!get(r, "id").isEmpty()) {
                    byId.put(get(r, "id"), p);
                }
                if (!get(r, "name").isEmpty()) {
                    byName.merge(get(r, "name"), Optional.of(p), (a, b) -> a.equals(b) ? a : Optional.empty());
                }
            }
            return new Roster(byId, byName, students, true);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new MoodleInputException("The roster " + file + " cannot be read as CSV: " + e.getMessage());
        }
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
    }

    /** The student with participant id {@code id} (their folder's) or full name {@code name}. */
    Optional<Person> of(String id, String name) {
        Person p = byId.get(id);
        return p != null ? Optional.of(p) : byName.getOrDefault(name, Optional.empty());
    }
}
