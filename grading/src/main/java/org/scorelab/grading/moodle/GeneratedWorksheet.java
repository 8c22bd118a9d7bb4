package org.scorelab.grading.moodle;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A grading worksheet written from the download's folder names, for when no downloaded one is given: English labels
 * (the upload needs the uploading teacher's language), one row per graded submission with "Participant N" from its
 * folder, its full name, an empty grade, the grader's maximum points as "Maximum Grade" (so the grade written is the
 * points themselves), "-" as "Last modified (grade)" (never graded, as Moodle writes it), and an empty comment. It is
 * then filled like a downloaded one. It cannot know the assignment's real maximum grade, its other participants, or
 * whether its folders are group folders (which carry a group id where a participant id belongs): the downloaded sheet
 * is the safer route.
 */
final class GeneratedWorksheet {
    private GeneratedWorksheet() {
    }

    /** The blank worksheet for {@code results}, read back as a worksheet. */
    static Worksheet of(String assignment, List<AssignmentResult> results) {
        WorksheetLanguage en = WorksheetLanguage.ENGLISH;
        StringBuilder csv = new StringBuilder();
        line(csv, List.of(en.identifier, en.fullName, en.grade, en.maximumGrade, en.lastModified, en.feedbackComments));
        Map<String, AssignmentResult> rows = new LinkedHashMap<>();
        for (AssignmentResult r : results) {
            Optional<DownloadFolder> f = DownloadFolder.parse(r.folder());
            if (r.state() == AssignmentResult.State.GRADED && f.isPresent() && f.get().id() != null) {
                rows.putIfAbsent(f.get().id(), r);
            }
        }
        rows.forEach((id, r) -> line(csv, List.of(en.identifierOf(id),
            DownloadFolder.parse(r.folder()).orElseThrow().name().replace('\\', '/'), "",
            String.format(Locale.ROOT, "%.2f", r.max()), "-", "")));
        return Worksheet.parse("The " + assignment + " worksheet written from the folder names",
            csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(String.join(",", cells.stream().map(c -> CsvText.quote(c, ',')).toList())).append('\n');
    }
}
