package org.scorelab.grading.moodle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.scorelab.grading.intake.Student;

/**
 * The students that the worksheets and the roster name but who have no upload in the class folder. They are "no
 * submission" in the class's summary and index, and get no grade in Moodle: their worksheet rows stay as downloaded
 * (an empty Grade is "no grade" to Moodle), and the gradebook CSV has no row for them.
 *
 * <p>A worksheet row has an upload when a folder carries its participant id and its full name (participant ids belong
 * to one assignment, so an id alone could be another assignment's student), or its full name alone (the other
 * assignment's download, whose ids differ), or, in a group assignment, its group's name (one folder per group from
 * Moodle 4.1, as {@link WorksheetFill} matches them). A roster row has one when a folder carries its id or its name.
 */
final class Participants {
    private Participants() {
    }

    /** The students of {@code sheets} and {@code roster} with none of {@code uploads}, each once, in the order read. */
    static List<Student> withoutUpload(Collection<Worksheet> sheets, Roster roster, List<Student> uploads) {
        List<Upload> folders = uploads.stream().map(Upload::of).toList();
        Map<String, Student> absent = new LinkedHashMap<>();
        for (Worksheet sheet : sheets) {
            for (Worksheet.Row row : sheet.rows) {
                String name = sheet.cell(row, sheet.columns.fullName()).trim();
                String group = sheet.cell(row, sheet.columns.group());
                boolean present = row.participantId() == null || folders.stream().anyMatch(f ->
                    f.is(row.participantId(), name) || sheet.columns.groups() && (f.isGroup(group)
                        || f.hasId(row.participantId())));
                if (!present) {
                    add(absent, row.participantId(), name.isEmpty()
                        ? sheet.cell(row, sheet.columns.identifier()).trim() : name);
                }
            }
        }
        for (Roster.Named n : roster.students) {
            if (folders.stream().noneMatch(f -> f.student().id().equals(n.id()) || f.named(n.name()))) {
                add(absent, n.id(), n.name().isEmpty() ? n.id() : n.name());
            }
        }
        return new ArrayList<>(absent.values());
    }

    /** Keeps one student per name (or per id, when the name is unknown): the two worksheets and the roster overlap. */
    private static void add(Map<String, Student> absent, String id, String name) {
        String key = name.equals(id) ? "#" + id : DownloadFolder.clean(name).toLowerCase(Locale.ROOT);
        absent.putIfAbsent(key, new Student(id, name, null));
    }

    /** An upload of the class folder, and its name read as Moodle's download wrote it (if it did). */
    private record Upload(Student student, Optional<DownloadFolder> folder) {
        static Upload of(Student student) {
            return new Upload(student, DownloadFolder.parse(student.folder()));
        }

        /** Participant {@code id} named {@code name} (a blind folder, or a row without a name, by the id alone). */
        boolean is(String id, String name) {
            return hasId(id) && folder.map(f -> f.blind() || name.isEmpty() || f.isNamed(name)).orElse(true)
                || named(name);
        }

        /** The folder carries participant id {@code id} (before Moodle 4.1, a group member's folder "Group-Name_id"). */
        boolean hasId(String id) {
            return folder.map(f -> id.equals(f.id())).orElse(false);
        }

        boolean named(String name) {
            return !name.isBlank() && folder.map(f -> !f.blind() && f.isNamed(name))
                .orElse(DownloadFolder.clean(student.name()).equals(DownloadFolder.clean(name)));
        }

        /** The folder of the group {@code group} (Moodle 4.1's one folder per group). */
        boolean isGroup(String group) {
            return !group.isBlank() && folder.map(f -> DownloadFolder.clean(f.name()).equals(DownloadFolder.clean(group)))
                .orElse(false);
        }
    }
}
