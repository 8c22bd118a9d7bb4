package org.scorelab.grading.moodle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip for an assignment's "Upload multiple feedback files in a zip": one folder per graded participant, named as
 * the download named it, holding report.html. Moodle's import (assignfeedback_file_zip_importer, mod/assign/feedback/
 * file/importziplib.php) finds the participant in the folder name ({@code explode('_', $part, 5)}, participant id
 * second), stores what follows as the feedback file's path, and imports only files that are new or changed (by
 * content hash), so uploading the zip again after a regrade replaces exactly the reports that changed. Entry names
 * are UTF-8, in order.
 */
final class FeedbackZip {
    private FeedbackZip() {
    }

    static byte[] of(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
