package org.scorelab.grading.moodle;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name Moodle's "Download all submissions" gives a submission's folder (or, with "Download submissions in folders"
 * off, its files), read back. The prefix is {@code clean_filename(str_replace('_', ' ', NAME) . '_' . ID)}, then
 * {@code '_' . subtype . '_' . type} and, before Moodle 4.1, a trailing {@code '_'}: mod/assign/locallib.php
 * (download_submissions) and, from 4.1, mod/assign/classes/downloader.php (get_student_prefix,
 * load_submissionplugin_filelist). NAME and ID are:
 * <ul>
 *   <li>the student's full name and participant id: {@code Ada Lovelace_100001_assignsubmission_file_};</li>
 *   <li>with blind marking, get_string('participant', 'assign') and the participant id:
 *       {@code Participant_100001_assignsubmission_file_};</li>
 *   <li>for a group (team) submission before 4.1, the group's name, a dash, then as above:
 *       {@code Group A-Ada Lovelace_100001_assignsubmission_file_}, one folder per member;</li>
 *   <li>for a group submission from 4.1, the group's name and the group's id, not a participant id:
 *       {@code Group A_42_assignsubmission_file}, one folder per group; students in no group share
 *       {@code Default group_assignsubmission_file}, with no number at all.</li>
 * </ul>
 * The feedback zip import (assignfeedback_file_zip_importer::is_valid_filename_for_import,
 * mod/assign/feedback/file/importziplib.php) splits each path part with {@code explode('_', $part, 5)} and takes the
 * second piece as the participant id, so a folder name works there only with a participant id in that place.
 *
 * @param entry the folder's (or file's) name as it was in the class folder
 * @param name NAME, as in the folder name (underscores already spaces)
 * @param id the number after NAME, or null when there is none (the default group of a group submission)
 * @param plugin the plugin part, e.g. {@code assignsubmission_file}
 * @param rest what follows the plugin part ("" or "_" for a folder; "_upload.zip" for a file of a flat download)
 */
record DownloadFolder(String entry, String name, String id, String plugin, String rest) {
    private static final Pattern WITH_ID = Pattern.compile(
        "(?<name>[^_]*)_(?<id>\\d+)_(?<plugin>assign(?:submission|feedback)_[a-z]+)(?<rest>_.*)?", Pattern.DOTALL);
    private static final Pattern WITHOUT_ID = Pattern.compile(
        "(?<name>[^_]*)_(?<plugin>assign(?:submission|feedback)_[a-z]+)(?<rest>_.*)?", Pattern.DOTALL);

    /** The folder name read back, or empty when it is not in the layout of Moodle's download. */
    static Optional<DownloadFolder> parse(String entry) {
        for (Pattern p : new Pattern[] {WITH_ID, WITHOUT_ID}) {
            Matcher m = p.matcher(entry);
            if (m.matches()) {
                return Optional.of(new DownloadFolder(entry, m.group("name"), p == WITH_ID ? m.group("id") : null,
                    m.group("plugin"), m.group("rest") == null ? "" : m.group("rest")));
            }
        }
        return Optional.empty();
    }

    /** True for a blind-marking folder, whose name is the word "Participant" in the downloading teacher's language. */
    boolean blind() {
        return java.util.Arrays.stream(WorksheetLanguage.values()).anyMatch(l -> name.equals(clean(l.participant)));
    }

    /**
     * The folder name the feedback zip uses for this submission: the name exactly as it was when it was a folder, so
     * that the zip mirrors the download; the download's prefix with a trailing '_' when it was a file of a flat
     * download ({@code Ada Lovelace_100001_assignsubmission_file_ada.zip}), whose remainder would otherwise become a
     * folder inside the student's feedback files.
     */
    String feedbackFolder() {
        return rest.isEmpty() || rest.equals("_") ? entry : name + "_" + id + "_" + plugin + "_";
    }

    /**
     * A name or group name as Moodle puts it into a folder name: underscores become spaces and clean_filename
     * (PARAM_FILE) drops control characters and {@code & < > " ` | ' : \ /}; composed to NFC, since a Mac's file
     * system decomposes accents.
     */
    static String clean(String name) {
        String cleaned = name.replace('_', ' ').replaceAll("[\\p{Cntrl}&<>\"`|':\\\\/]", "");
        return Normalizer.normalize(cleaned, Normalizer.Form.NFC).trim();
    }

    /** True when this folder's name is {@code fullName} as Moodle writes it. */
    boolean isNamed(String fullName) {
        return clean(name).equals(clean(fullName));
    }
}
