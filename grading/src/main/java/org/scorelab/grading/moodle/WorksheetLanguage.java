package org.scorelab.grading.moodle;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The labels of a grading worksheet, in the language of the teacher who downloads and uploads it. Moodle's upload
 * (assignfeedback_offline_grade_importer::init, mod/assign/feedback/offline/importgradeslib.php) finds its columns by
 * comparing whole header cells with get_string('recordid', 'assign'), get_string('gradenoun') (get_string('grade')
 * before Moodle 4.1) and get_string('lastmodifiedgrade', 'assign') in the uploading teacher's language, and the
 * feedback column by the comments plugin's name (assign_feedback_comments::get_editor_fields). The download
 * (assign_grading_table, mod/assign/gradingtable.php) writes the same labels, the identifier as
 * get_string('hiddenuser', 'assign') followed by the participant id (col_recordid), and the numbers with
 * format_float, in the language's decimal separator (langconfig 'decsep').
 *
 * <p>English: mod/assign/lang/en/assign.php ('Identifier', 'Participant ', 'Last modified (grade)', 'Maximum Grade',
 * 'Group', 'Default group', 'Participant'), mod/assign/feedback/comments/lang/en/assignfeedback_comments.php
 * ('Feedback comments'), core 'Grade' and 'Full name'. German: Moodle's language pack de/assign.php ('ID',
 * 'Teilnehmer/in', 'Zuletzt geändert (Bewertung)', 'Bestwertung', 'Gruppe', 'Standard-Gruppe', 'Bewertung kann geändert
 * werden'), de/assignfeedback_comments.php ('Feedback als Kommentar'), de/langconfig.php (decsep ','); core 'Bewertung'
 * and 'Vollständiger Name' as German worksheets show them (docs/moodle.md says which strings were verified where).
 */
enum WorksheetLanguage {
    ENGLISH("English", "Identifier", "Participant ", "Grade", "Last modified (grade)", "Feedback comments", "Full name",
        "Maximum Grade", "Scale", "Group", "Default group", "Grade can be changed", "No", "Participant", '.'),
    GERMAN("German", "ID", "Teilnehmer/in", "Bewertung", "Zuletzt geändert (Bewertung)", "Feedback als Kommentar",
        "Vollständiger Name", "Bestwertung", "Skala", "Gruppe", "Standard-Gruppe", "Bewertung kann geändert werden",
        "Nein", "Teilnehmer/in", ',');

    final String name;
    final String identifier;
    /** What precedes the participant id in an identifier cell; Moodle cuts this many bytes and reads the rest. */
    final String participantPrefix;
    final String grade;
    final String lastModified;
    final String feedbackComments;
    final String fullName;
    final String maximumGrade;
    final String scale;
    final String group;
    final String defaultGroup;
    final String gradeCanBeChanged;
    final String no;
    /** get_string('participant', 'assign'): the name part of a blind-marking download's folder names. */
    final String participant;
    /** The language's decimal separator, used when the sheet's own numbers do not show one. */
    final char decimal;

    WorksheetLanguage(String name, String identifier, String participantPrefix, String grade, String lastModified,
                      String feedbackComments, String fullName, String maximumGrade, String scale, String group,
                      String defaultGroup, String gradeCanBeChanged, String no, String participant, char decimal) {
        this.name = name;
        this.identifier = identifier;
        this.participantPrefix = participantPrefix;
        this.grade = grade;
        this.lastModified = lastModified;
        this.feedbackComments = feedbackComments;
        this.fullName = fullName;
        this.maximumGrade = maximumGrade;
        this.scale = scale;
        this.group = group;
        this.defaultGroup = defaultGroup;
        this.gradeCanBeChanged = gradeCanBeChanged;
        this.no = no;
        this.participant = participant;
        this.decimal = decimal;
    }

    /** The three header cells Moodle's upload requires, whole and case-sensitive. */
    List<String> required() {
        return List.of(identifier, grade, lastModified);
    }

    /** The language whose required labels are all header cells of {@code header}. */
    static Optional<WorksheetLanguage> of(List<String> header) {
        return Arrays.stream(values()).filter(l -> header.containsAll(l.required())).findFirst();
    }

    /** The language with the most required labels in {@code header}, to say which ones are missing. */
    static WorksheetLanguage closest(List<String> header) {
        return Arrays.stream(values()).max(java.util.Comparator.comparingLong(
            l -> l.required().stream().filter(header::contains).count())).orElseThrow();
    }

    /** The identifier cell Moodle writes for participant {@code id}. */
    String identifierOf(String id) {
        return participantPrefix + id;
    }
}
