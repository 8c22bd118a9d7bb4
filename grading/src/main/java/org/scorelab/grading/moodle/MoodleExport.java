package org.scorelab.grading.moodle;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.intake.TemplateSources;
import org.scorelab.grading.report.AtomicFiles;
import org.scorelab.grading.report.SubmissionReport;

/**
 * Writes a graded class's Moodle files into {@code <out>/moodle/}, per assignment: {@code <a>-worksheet.csv} for the
 * assignment's "Upload grading worksheet" (the downloaded worksheet filled in, or one written from the folder names),
 * {@code <a>-feedback.zip} for "Upload multiple feedback files in a zip", and {@code gradebook-<a>.csv} only where a
 * roster makes the gradebook import safe; {@code unmatched.csv} lists every graded submission that is in none of them,
 * with why. The inputs are read and checked by {@link #prepare} before anything is graded, so a bad worksheet costs
 * no grading. docs/moodle.md is the teacher's guide.
 */
public final class MoodleExport {
    public static final String FOLDER = "moodle";
    /** The folder, in {@link #FOLDER}, of the worksheets and the roster given to an earlier run, kept for the next. */
    public static final String KEPT = "inputs";
    private static final String ROSTER = "roster.csv";

    private final Map<String, Worksheet> worksheets;
    private final Roster roster;
    private final TemplateSources template;
    private final List<String> notes;

    private MoodleExport(Map<String, Worksheet> worksheets, Roster roster, TemplateSources template, List<String> notes) {
        this.worksheets = worksheets;
        this.roster = roster;
        this.template = template;
        this.notes = List.copyOf(notes);
    }

    /**
     * Reads and checks the worksheets downloaded from Moodle and the roster.
     *
     * @param worksheets assignment ("dsm", "ebm") to the worksheet downloaded from that assignment
     * @param roster the roster, or null
     * @throws MoodleInputException naming the file and the rule it breaks
     */
    public static MoodleExport prepare(Map<String, Path> worksheets, Path roster) {
        TemplateSources template = TemplateSources.bundled();
        Map<String, Worksheet> sheets = new TreeMap<>();
        Map<Path, String> seen = new TreeMap<>();
        worksheets.forEach((assignment, file) -> {
            if (!template.assignments().contains(assignment)) {
                throw new MoodleInputException("--worksheet " + assignment + "=" + file + " names no assignment of the "
                    + "course: the assignments are " + template.assignments() + ".");
            }
            String other = seen.put(file.toAbsolutePath().normalize(), assignment);
            if (other != null) {
                throw new MoodleInputException("--worksheet " + other + " and --worksheet " + assignment + " are the same "
                    + "file " + file + ": each Moodle assignment has its own worksheet and its own participant ids.");
            }
            sheets.put(assignment, Worksheet.read(assignment, file));
        });
        return new MoodleExport(sheets, roster == null ? Roster.none() : Roster.read(roster), template, List.of());
    }

    /**
     * Reads and checks the worksheets and the roster as {@link #prepare(Map, Path)} does, taking each one not given from
     * {@code kept} (the output folder's {@code moodle/inputs/}) where an earlier run left it, and keeps a copy there of
     * each one given. So a later run of the class, such as one student's regrade, fills the same downloaded worksheets
     * and writes the same gradebook without being given them again.
     *
     * @param kept the folder of the kept copies: {@code <assignment>-worksheet.csv}, {@code roster.csv}
     */
    public static MoodleExport prepare(Map<String, Path> worksheets, Path roster, Path kept) {
        Map<String, Path> sheets = new TreeMap<>(worksheets);
        List<String> notes = new ArrayList<>();
        for (String a : TemplateSources.bundled().assignments()) {
            Path copy = kept.resolve(a + "-worksheet.csv");
            if (!sheets.containsKey(a) && Files.isRegularFile(copy)) {
                sheets.put(a, copy);
                notes.add("No --worksheet " + a + "=FILE: the worksheet given to an earlier run is filled, " + copy
                    + " (delete it to write one from the folder names)");
            }
        }
        Path rosterFile = roster;
        if (roster == null && Files.isRegularFile(kept.resolve(ROSTER))) {
            rosterFile = kept.resolve(ROSTER);
            notes.add("No --roster: the roster given to an earlier run is used, " + rosterFile + " (delete it to do without)");
        }
        MoodleExport export = prepare(sheets, rosterFile);
        try {
            for (var e : worksheets.entrySet()) {
                AtomicFiles.write(kept.resolve(e.getKey() + "-worksheet.csv"), Files.readAllBytes(e.getValue()));
            }
            if (roster != null) {
                AtomicFiles.write(kept.resolve(ROSTER), Files.readAllBytes(roster));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MoodleExport(export.worksheets, export.roster, export.template, notes);
    }

    /**
     * The students that the worksheets and the roster name but who have none of {@code uploads} (the class folder's
     * submissions): "no submission", never a zero ({@link Participants}).
     */
    public List<Student> withoutUpload(List<Student> uploads) {
        return Participants.withoutUpload(worksheets.values(), roster, uploads);
    }

    /** Parses {@code --worksheet} values, {@code ASSIGNMENT=FILE} each. */
    public static Map<String, Path> worksheetOptions(List<String> values) {
        Map<String, Path> out = new TreeMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new MoodleInputException("--worksheet needs ASSIGNMENT=FILE, e.g. --worksheet dsm=grades-dsm.csv "
                    + "(the CSV from the dsm assignment's \"Download grading worksheet\"); found \"" + v + "\".");
            }
            if (out.put(v.substring(0, eq), Path.of(v.substring(eq + 1))) != null) {
                throw new MoodleInputException("--worksheet " + v.substring(0, eq) + " is given twice; give one worksheet "
                    + "per assignment.");
            }
        }
        return out;
    }

    /**
     * Writes the Moodle files of {@code reports} (every graded submission in the output folder) into
     * {@code out/moodle/}, and returns what was written, for the teacher to read.
     */
    public List<String> write(List<SubmissionReport> reports, Path out) throws IOException {
        Path dir = out.resolve(FOLDER);
        List<String> lines = new ArrayList<>(List.of("Moodle files in " + dir + " (how to upload them: docs/moodle.md):"));
        notes.forEach(n -> lines.add("  " + n + "."));
        List<NotWritten> notWritten = new ArrayList<>();
        List<String> gradebook = new ArrayList<>();
        for (String a : assignments(reports)) {
            List<AssignmentResult> results = reports.stream().map(r -> AssignmentResult.of(r, a))
                .sorted(Comparator.comparing(AssignmentResult::folder)).toList();
            Worksheet sheet = worksheets.containsKey(a) ? worksheets.get(a) : GeneratedWorksheet.of(a, results);
            WorksheetFill.Filled filled = WorksheetFill.fill(sheet, a, results);
            AtomicFiles.write(dir.resolve(a + "-worksheet.csv"), filled.csv());
            AtomicFiles.write(dir.resolve(a + "-feedback.zip"), FeedbackZip.of(filled.feedbackFiles()));
            notWritten.addAll(filled.notWritten());
            lines.addAll(describe(a, sheet, filled, results));
            GradebookCsv.Outcome g = GradebookCsv.of(a, results, roster);
            Path csv = dir.resolve("gradebook-" + a + ".csv");
            if (g.csv().isPresent()) {
                AtomicFiles.write(csv, g.csv().get());
            } else {
                Files.deleteIfExists(csv);
            }
            gradebook.add("  " + g.message() + ".");
        }
        AtomicFiles.write(dir.resolve("unmatched.csv"), unmatched(notWritten));
        lines.add("  Not written (" + notWritten.size() + ", listed in " + dir.resolve("unmatched.csv") + ")"
            + (notWritten.isEmpty() ? "." : ":"));
        notWritten.forEach(n -> lines.add("    " + n.assignment() + "  " + n.folder() + ": " + n.reason() + "."));
        lines.addAll(gradebook);
        if (Files.deleteIfExists(out.resolve("gradebook.csv"))) {
            lines.add("  Removed " + out.resolve("gradebook.csv") + " of an earlier version: its \"Identifier\" column held "
                + "participant ids, which Moodle's gradebook import would take for user ids.");
        }
        return lines;
    }

    private SortedSet<String> assignments(List<SubmissionReport> reports) {
        SortedSet<String> out = new TreeSet<>(worksheets.keySet());
        reports.forEach(r -> r.totals().keySet().stream().filter(k -> !k.equals("total")).forEach(out::add));
        return out;
    }

    private List<String> describe(String a, Worksheet sheet, WorksheetFill.Filled f, List<AssignmentResult> results) {
        long graded = results.stream().filter(r -> r.state() == AssignmentResult.State.GRADED).count();
        String points = results.stream().filter(r -> r.state() == AssignmentResult.State.GRADED).findFirst()
            .map(r -> String.format(Locale.ROOT, "%.2f", r.max())).orElse("-");
        List<String> lines = new ArrayList<>();
        if (worksheets.containsKey(a)) {
            lines.add("  " + a + ": " + a + "-worksheet.csv is " + sheet.name.replaceFirst("^The ", "the ") + " ("
                + sheet.describe() + ") with " + f.written() + " of its " + sheet.rows.size() + " rows filled; every "
                + "other row and cell is as downloaded. " + (f.scaled() ? "Grades are the grader's points (of " + points
                + ") scaled to each row's \"" + sheet.language().maximumGrade + "\"." : "Grades are the grader's points."));
        } else {
            lines.add("  " + a + ": " + a + "-worksheet.csv was written from the folder names (no --worksheet " + a
                + "=FILE): " + f.written() + " row(s), grades in the grader's points: set the Moodle assignment's maximum"
                + " grade to " + points + ", or Moodle takes them as points of its own maximum. The worksheet downloaded"
                + " from the assignment is the safer route: it scales the points to the assignment's maximum grade, "
                + "checks each folder's name against its row, and handles group submissions.");
        }
        lines.add("       " + a + "-feedback.zip: " + f.feedbackFiles().size() + " feedback file(s), report.html in each "
            + "participant's folder, for \"Upload multiple feedback files in a zip\". " + (results.size() - graded)
            + " submission(s) have no " + a + " grade (nothing of " + a + " uploaded, or not graded).");
        f.notes().forEach(n -> lines.add("       Note: " + n + "."));
        return lines;
    }

    private static String unmatched(List<NotWritten> notWritten) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
            .setHeader("assignment", "folder", "participant", "reason").build())) {
            for (NotWritten n : notWritten) {
                csv.printRecord(n.assignment(), n.folder(), n.participant(), n.reason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
