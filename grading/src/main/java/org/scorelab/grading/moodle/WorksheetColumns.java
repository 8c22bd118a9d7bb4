package org.scorelab.grading.moodle;

import java.util.List;

/**
 * Where a worksheet's columns are, found the way Moodle's upload finds them (assignfeedback_offline_grade_importer::
 * init): a header cell equal, whole and case-sensitive, to the label. Every other column is carried along untouched.
 *
 * @param language the language of the labels
 * @param identifier the "Identifier" column
 * @param grade the "Grade" column
 * @param lastModified the "Last modified (grade)" column
 * @param maximumGrade the "Maximum Grade" column
 * @param feedback the "Feedback comments" column, or -1 when absent (Moodle ignores it as the first column too)
 * @param fullName the "Full name" column, or -1 (blind marking without the right to see identities has none)
 * @param group the "Group" column of a group (team) submission assignment, or -1
 * @param gradeCanBeChanged the "Grade can be changed" column, or -1
 */
record WorksheetColumns(WorksheetLanguage language, int identifier, int grade, int lastModified, int maximumGrade,
                        int feedback, int fullName, int group, int gradeCanBeChanged) {

    /** The columns of {@code header}, or why Moodle's upload (or the grader) cannot use it. */
    static WorksheetColumns of(List<String> header, String sheet) {
        WorksheetLanguage language = WorksheetLanguage.of(header).orElseThrow(() -> missing(header, sheet));
        for (String label : language.required()) {
            if (header.indexOf(label) != header.lastIndexOf(label)) {
                throw new MoodleInputException(sheet + " has two columns named \"" + label + "\": remove the copy, or "
                    + "download the worksheet again from the assignment (Download grading worksheet).");
            }
        }
        int maximum = header.indexOf(language.maximumGrade);
        if (maximum < 0) {
            throw new MoodleInputException(header.contains(language.scale)
                ? sheet + " is the worksheet of an assignment graded with a scale (it has a \"" + language.scale
                    + "\" column), but the grader gives points: set the assignment's Grade type to Point."
                : sheet + " has no \"" + language.maximumGrade + "\" column, so the grader cannot scale its points to the"
                    + " assignment's maximum grade: download the worksheet again without removing columns.");
        }
        // Moodle's loop keeps the last column with the feedback label, and ignores it at index 0.
        int feedback = header.lastIndexOf(language.feedbackComments);
        return new WorksheetColumns(language, header.indexOf(language.identifier), header.indexOf(language.grade),
            header.indexOf(language.lastModified), maximum, feedback == 0 ? -1 : feedback,
            header.indexOf(language.fullName), header.indexOf(language.group), header.indexOf(language.gradeCanBeChanged));
    }

    private static MoodleInputException missing(List<String> header, String sheet) {
        WorksheetLanguage closest = WorksheetLanguage.closest(header);
        List<String> absent = closest.required().stream().filter(l -> !header.contains(l)).map(l -> "\"" + l + "\"")
            .toList();
        return new MoodleInputException(sheet + " has no " + String.join(" and no ", absent) + " column: Moodle's "
            + "\"Upload grading worksheet\" needs the header cells \"Identifier\", \"Grade\" and \"Last modified (grade)\""
            + " (German: \"ID\", \"Bewertung\" and \"Zuletzt geändert (Bewertung)\"), each a whole cell. Download the "
            + "worksheet from the assignment (enable the feedback type \"Offline grading worksheet\") and pass it "
            + "unchanged; found the header cells " + header + ".");
    }

    /** True for a group (team) submission assignment, whose worksheet has a "Group" column. */
    boolean groups() {
        return group >= 0;
    }
}
