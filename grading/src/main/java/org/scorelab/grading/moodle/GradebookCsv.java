package org.scorelab.grading.moodle;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.text.StringEscapeUtils;

/**
 * An assignment's grades for the gradebook's "Import grades from CSV", only where it is safe: every graded student
 * has the user field in the roster ("Email address", else "ID number"), because one row whose user is not found aborts
 * the whole import (load_data::prepare_import_grade_data, "usermappingerrorusernotfound"), and a participant id in a
 * user-id column would grade whoever has that user id. One file per assignment, with one grade column and its feedback
 * column, and a row only for students graded in that assignment: the import turns an empty grade cell into "no grade"
 * (load_data::update_grade_item), which would erase a grade already in Moodle. The grades are the grader's points:
 * the grade item's maximum must equal them. Imported grades are overridden in the gradebook and no longer follow the
 * assignment, so the worksheet is the better route.
 */
final class GradebookCsv {
    /** The CSV, or why there is none. */
    record Outcome(Optional<String> csv, String message) {
    }

    private GradebookCsv() {
    }

    static Outcome of(String assignment, List<AssignmentResult> results, Roster roster) {
        List<AssignmentResult> graded = results.stream().filter(r -> r.state() == AssignmentResult.State.GRADED).toList();
        String route = "use the worksheet (" + assignment + "-worksheet.csv, \"Upload grading worksheet\" in the assignment)";
        if (!roster.given) {
            return new Outcome(Optional.empty(), "no gradebook CSV for " + assignment + ": no --roster gives the students'"
                + " email or ID number, and the participant ids of the folders are no user ids; " + route);
        }
        for (String field : List.of("email", "idnumber")) {
            Function<Roster.Person, String> get = field.equals("email") ? Roster.Person::email : Roster.Person::idnumber;
            if (graded.stream().allMatch(r -> !field(roster, r, get).isBlank())) {
                return new Outcome(Optional.of(csv(assignment, graded, roster, get,
                    field.equals("email") ? "Email address" : "ID number")), "gradebook-" + assignment + ".csv: "
                    + graded.size() + " rows by " + field + ", grades in the grader's points (of "
                    + String.format(Locale.ROOT, "%.2f", graded.isEmpty() ? 0 : graded.get(0).max()) + "): the grade item's "
                    + "maximum must be that; map the first column to the user's " + field + " when importing");
            }
        }
        List<String> missing = graded.stream().filter(r -> field(roster, r, Roster.Person::email).isBlank()
            && field(roster, r, Roster.Person::idnumber).isBlank()).map(r -> r.report().student().name()).toList();
        return new Outcome(Optional.empty(), "no gradebook CSV for " + assignment + ": the roster gives no one user field"
            + " for every graded student (" + (missing.isEmpty() ? "some have only an email, others only an ID number"
            : "neither an email nor an ID number for " + missing.size() + " of them: " + String.join(", ",
            missing.stream().limit(5).toList()) + (missing.size() > 5 ? ", ..." : "")) + "), and one unknown user aborts"
            + " Moodle's whole import; " + route);
    }

    private static String field(Roster roster, AssignmentResult r, Function<Roster.Person, String> get) {
        return roster.of(r.report().student().id(), r.report().student().name()).map(get).orElse("");
    }

    private static String csv(String assignment, List<AssignmentResult> graded, Roster roster,
                              Function<Roster.Person, String> field, String fieldLabel) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
            .setHeader(fieldLabel, "Full name", assignment, assignment + " feedback").build())) {
            for (AssignmentResult r : graded) {
                List<String> row = new ArrayList<>();
                row.add(field.apply(roster.of(r.report().student().id(), r.report().student().name()).orElseThrow()));
                row.add(r.report().student().name());
                row.add(String.format(Locale.ROOT, "%.2f", r.earned()));
                row.add(plain(FeedbackComment.of(r, "", "", false)));
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The comment as one line of text. */
    private static String plain(String html) {
        return StringEscapeUtils.unescapeHtml4(html.replace("</p><p>", " ").replaceAll("</?p>", "")).trim();
    }
}
