package org.scorelab.grading.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a submission belongs to, read from the name an LMS gives each student's folder or zip when all submissions are
 * downloaded. Moodle writes {@code Full Name_<participant id>_assignsubmission_file_}; any other name is kept whole
 * as the identifier.
 *
 * @param id the identifier (Moodle's participant id, or the folder's name)
 * @param name the student's full name, or the identifier when the name is unknown
 * @param folder the folder or zip name it was read from
 */
public record Student(String id, String name, String folder) {
    private static final Pattern MOODLE = Pattern.compile("(.+?)_(\\d+)_assignsubmission_\\w*?_?(?:\\.zip)?");

    /** Reads a student from a folder or zip name. */
    public static Student fromFolderName(String folder) {
        Matcher m = MOODLE.matcher(folder);
        if (m.matches()) {
            return new Student(m.group(2), m.group(1).trim(), folder);
        }
        String id = folder.endsWith(".zip") ? folder.substring(0, folder.length() - 4) : folder;
        return new Student(id, id, folder);
    }

    /** A name safe to use as a file or folder name for this student's reports. */
    public String fileKey() {
        return (id.equals(name) ? id : name + "_" + id).replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
