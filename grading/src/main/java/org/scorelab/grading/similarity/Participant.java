package org.scorelab.grading.similarity;

import org.scorelab.grading.intake.Student;

/**
 * A submission taking part in the check: a student of the class, or of an earlier term's archive.
 *
 * @param student who it belongs to, read from the upload's folder name
 * @param archive the archive folder's name, or null for a student of the class being checked
 */
public record Participant(Student student, String archive) {
    /** True for a student of the class being checked, false for an earlier term's. */
    public boolean inClass() {
        return archive == null;
    }

    /** Where the submission comes from: "class", or "archive NAME". */
    public String source() {
        return inClass() ? "class" : "archive " + archive;
    }

    /** The name and participant id, and the archive for an earlier term's student: "Ada Lovelace (100001)". */
    public String label() {
        String who = student.name().equals(student.id()) ? student.name() : student.name() + " (" + student.id() + ")";
        return inClass() ? who : who + " [" + source() + "]";
    }
}
