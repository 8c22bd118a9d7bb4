package org.scorelab.grading.intake;

/**
 * One source file of a submission, matched to the template's file of the same path.
 *
 * @param path the template's path, e.g. {@code org/scorelab/dsm/EnergyNetwork.java}
 * @param text the source, decoded
 * @param origin where it was found in the upload, for the report
 */
public record SourceFile(String path, String text, String origin) {
    /** The assignment the file belongs to: the package's last segment (e.g. "dsm"). */
    public String assignment() {
        String[] parts = path.split("/");
        return parts[parts.length - 2];
    }

    /** The file name without directories. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
