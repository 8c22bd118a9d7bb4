package org.scorelab.grading.moodle;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.scorelab.grading.report.ReportFiles;

/**
 * Fills one assignment's worksheet with the graded submissions and collects their feedback files. A submission goes
 * to the row whose identifier holds its folder's participant id, and to no other: the id is read from the folder name
 * Moodle's download wrote, and a row whose full name is not the folder's (participant ids are per assignment, so a
 * folder of another assignment can carry some other student's id) is reported and left alone, as is every row of a
 * participant without a graded submission. In a group (team) submission assignment, whose worksheet has a "Group"
 * column, a folder named after the group (Moodle 4.1 and later) grades every member of the group, the way Moodle
 * shares one group submission among its members (get_group_submission); a folder named after one member (earlier
 * versions, one folder per member) grades that member.
 */
final class WorksheetFill {
    /**
     * What filling a worksheet gave.
     *
     * @param csv the filled worksheet's bytes
     * @param feedbackFiles zip entry name (the download's folder name, then /report.html) to the file's bytes
     * @param notWritten the graded submissions that were not written, with why
     * @param notes what the teacher should know before uploading
     * @param written the rows filled
     * @param scaled whether some grade is the points scaled to a maximum grade other than the grader's
     */
    record Filled(byte[] csv, Map<String, byte[]> feedbackFiles, List<NotWritten> notWritten, List<String> notes,
                  int written, boolean scaled) {
    }

    private record Target(AssignmentResult result, Worksheet.Row row, String feedbackFolder) {
    }

    private final Worksheet sheet;
    private final String assignment;
    private final List<NotWritten> notWritten = new ArrayList<>();
    private final Map<Worksheet.Row, Worksheet.Filling> fillings = new LinkedHashMap<>();
    private final Map<String, byte[]> feedbackFiles = new TreeMap<>();
    private int teacherComments;
    private int unreadableDates;
    private int locked;
    private boolean scaled;

    private WorksheetFill(Worksheet sheet, String assignment) {
        this.sheet = sheet;
        this.assignment = assignment;
    }

    static Filled fill(Worksheet sheet, String assignment, List<AssignmentResult> results) {
        return new WorksheetFill(sheet, assignment).run(results);
    }

    private Filled run(List<AssignmentResult> results) {
        List<Target> targets = new ArrayList<>();
        for (AssignmentResult r : results.stream().sorted(Comparator.comparing(AssignmentResult::folder)).toList()) {
            switch (r.state()) {
                case NOT_SUBMITTED -> { }
                case GRADER_ERROR -> skip(r, "", "the grader failed on this submission, so its row is left as it was: "
                    + "regrade it (class ... --regrade) and write the Moodle files again");
                case GRADED -> targets.addAll(targetsOf(r));
            }
        }
        Map<Worksheet.Row, List<Target>> byRow = new LinkedHashMap<>();
        targets.forEach(t -> byRow.computeIfAbsent(t.row(), k -> new ArrayList<>()).add(t));
        byRow.forEach((row, ts) -> {
            if (ts.size() == 1) {
                write(ts.get(0));
            } else {
                ts.forEach(t -> skip(t.result(), row.participantId(), "participant " + row.participantId()
                    + "'s row is the target of " + ts.size() + " submissions (" + String.join(", ", ts.stream()
                    .map(x -> x.result().folder()).toList()) + "), so none was written: keep one folder per student"));
            }
        });
        return new Filled(sheet.write(fillings), feedbackFiles, notWritten, notes(), fillings.size(), scaled);
    }

    private List<Target> targetsOf(AssignmentResult r) {
        Optional<DownloadFolder> parsed = DownloadFolder.parse(r.folder());
        if (parsed.isEmpty()) {
            skip(r, "", "the folder name is not in the layout of Moodle's download (Full Name_<participant id>_"
                + "assignsubmission_file_), so it carries no participant id: grade the folders of the download unrenamed");
            return List.of();
        }
        DownloadFolder f = parsed.get();
        if (sheet.columns.groups()) {
            return groupTargets(r, f);
        }
        if (f.id() == null) {
            skip(r, "", "the folder name has no participant id (it is a group submission's folder), but the worksheet "
                + "has no \"" + sheet.language().group + "\" column: give the worksheet of this group assignment");
            return List.of();
        }
        List<Worksheet.Row> rows = sheet.rowsOf(f.id());
        if (rows.size() != 1) {
            skip(r, f.id(), rows.isEmpty() ? "participant " + f.id() + " has no row in the worksheet: the folder and "
                + "the worksheet come from different assignments (participant ids belong to one assignment), or the "
                + "student is no longer a participant" : "participant " + f.id() + " has " + rows.size()
                + " rows in the worksheet");
            return List.of();
        }
        Worksheet.Row row = rows.get(0);
        String sheetName = sheet.cell(row, sheet.columns.fullName());
        if (!f.blind() && sheet.columns.fullName() >= 0 && !f.isNamed(sheetName)) {
            skip(r, f.id(), "the worksheet's row for participant " + f.id() + " is \"" + sheetName + "\", not \""
                + f.name() + "\": participant ids belong to one assignment, so this folder and this worksheet come from "
                + "different assignments (or the name changed); nothing was written, so that no one gets another's grade");
            return List.of();
        }
        return List.of(new Target(r, row, f.feedbackFolder()));
    }

    private List<Target> groupTargets(AssignmentResult r, DownloadFolder f) {
        int group = sheet.columns.group();
        if (f.id() != null) {
            for (Worksheet.Row row : sheet.rowsOf(f.id())) {
                String prefix = sheet.cell(row, group) + "-";
                boolean named = f.isNamed(prefix + sheet.cell(row, sheet.columns.fullName()))
                    || java.util.Arrays.stream(WorksheetLanguage.values()).anyMatch(l -> f.isNamed(prefix + l.participant));
                if (named) {
                    return List.of(new Target(r, row, f.feedbackFolder()));
                }
            }
        }
        List<Target> members = sheet.rows.stream().filter(row -> row.participantId() != null)
            .filter(row -> DownloadFolder.clean(sheet.cell(row, group)).equals(DownloadFolder.clean(f.name())))
            .map(row -> new Target(r, row, memberFolder(row, f))).toList();
        if (members.isEmpty()) {
            skip(r, f.id() == null ? "" : f.id(), "no row of the worksheet is in the group \"" + f.name() + "\" (its \""
                + sheet.language().group + "\" column), and the folder is not one member's (Group-Full name_participant"
                + " id): the folder and the worksheet come from different assignments");
        }
        return members;
    }

    /** A member's own folder name in the download's layout, for the feedback zip (its id is a participant id). */
    private String memberFolder(Worksheet.Row row, DownloadFolder f) {
        String name = sheet.cell(row, sheet.columns.fullName());
        return DownloadFolder.clean(name.isBlank() ? sheet.language().participant : name) + "_" + row.participantId()
            + "_" + f.plugin() + "_";
    }

    private void write(Target t) {
        AssignmentResult r = t.result();
        Worksheet.Row row = t.row();
        Optional<BigDecimal> maximum = sheet.maximumGrade(row).filter(m -> m.signum() > 0);
        if (maximum.isEmpty()) {
            skip(r, row.participantId(), "the row's \"" + sheet.language().maximumGrade + "\" cell (\""
                + sheet.cell(row, sheet.columns.maximumGrade()) + "\") is not a positive number, so the points cannot be "
                + "scaled to it");
            return;
        }
        if (r.earned() < 0 || r.earned() > r.max() + 1e-9) {
            skip(r, row.participantId(), "the grader gave " + r.earned() + " of " + r.max() + " points, outside 0 to the "
                + "maximum: a bug in the grader or the rubric, to report; no grade was written, and none was clamped");
            return;
        }
        BigDecimal max = maximum.get();
        BigDecimal grade = max.multiply(BigDecimal.valueOf(r.earned())).divide(BigDecimal.valueOf(r.max()),
            MathContext.DECIMAL64);
        String written = sheet.format(grade, max);
        boolean rowScaled = max.compareTo(BigDecimal.valueOf(r.max())) != 0;
        scaled |= rowScaled;
        String maxText = sheet.format(max, max);
        String existing = sheet.cell(row, sheet.columns.feedback());
        teacherComments += FeedbackComment.keepsTeacherText(existing) ? 1 : 0;
        fillings.put(row, new Worksheet.Filling(written,
            FeedbackComment.merge(existing, FeedbackComment.of(r, written, maxText, rowScaled))));
        feedbackFiles.put(t.feedbackFolder() + "/report.html",
            ReportFiles.html(r.report().forAssignment(assignment)).getBytes(StandardCharsets.UTF_8));
        String date = sheet.cell(row, sheet.columns.lastModified()).trim();
        unreadableDates += sheet.language() == WorksheetLanguage.GERMAN && !date.equals("-") && !date.isEmpty() ? 1 : 0;
        locked += sheet.cell(row, sheet.columns.gradeCanBeChanged()).equals(sheet.language().no) ? 1 : 0;
    }

    private void skip(AssignmentResult r, String participant, String reason) {
        notWritten.add(new NotWritten(assignment, r.folder(), participant == null ? "" : participant, reason));
    }

    private List<String> notes() {
        List<String> notes = new ArrayList<>();
        WorksheetLanguage l = sheet.language();
        if (sheet.columns.feedback() < 0) {
            notes.add("the worksheet has no \"" + l.feedbackComments + "\" column (or has it first, where Moodle ignores "
                + "it), so only grades were written: enable the feedback type \"Feedback comments\", download the "
                + "worksheet again and rerun to send the comments; the feedback files carry the reports anyway");
        }
        if (teacherComments > 0) {
            notes.add(teacherComments + " row(s) already had a comment written in Moodle: it was kept, and the grader's "
                + "comment follows it");
        }
        if (unreadableDates > 0) {
            notes.add(unreadableDates + " row(s) were graded in Moodle before, and their \"" + l.lastModified + "\" is a "
                + "German date, which Moodle's upload (strtotime) cannot read: tick \"Allow updating records that have "
                + "been modified more recently in Moodle than in the spreadsheet\" when uploading, or Moodle skips them");
        }
        if (locked > 0) {
            notes.add(locked + " row(s) say \"" + l.gradeCanBeChanged + "\": \"" + l.no + "\" (locked or overridden in "
                + "the gradebook): Moodle's upload will skip their grades until they are unlocked");
        }
        return notes;
    }
}
