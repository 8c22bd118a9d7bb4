package org.scorelab.grading.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Folder names of Moodle's "Download all submissions", before and from 4.1, read back. */
class DownloadFolderTests {
    @Test
    void aStudentsFolderGivesTheNameAndTheParticipantIdAndIsReusedForFeedback() {
        DownloadFolder f = DownloadFolder.parse("Ada Lovelace_100001_assignsubmission_file_").orElseThrow();
        assertThat(f.name()).isEqualTo("Ada Lovelace");
        assertThat(f.id()).isEqualTo("100001");
        assertThat(f.blind()).isFalse();
        assertThat(f.feedbackFolder()).isEqualTo("Ada Lovelace_100001_assignsubmission_file_");
        assertThat(DownloadFolder.parse("Ada Lovelace_100001_assignsubmission_file").orElseThrow().feedbackFolder())
            .isEqualTo("Ada Lovelace_100001_assignsubmission_file");
    }

    @Test
    void aFileOfAFlatDownloadGivesItsFolderPrefix() {
        assertThat(DownloadFolder.parse("Ada Lovelace_100001_assignsubmission_file_ada_v2.zip").orElseThrow()
            .feedbackFolder()).isEqualTo("Ada Lovelace_100001_assignsubmission_file_");
    }

    @Test
    void blindMarkingFoldersInEnglishAndGermanAreBlind() {
        assertThat(DownloadFolder.parse("Participant_100001_assignsubmission_file").orElseThrow().blind()).isTrue();
        // clean_filename drops the slash of "Teilnehmer/in".
        assertThat(DownloadFolder.parse("Teilnehmerin_100001_assignsubmission_file_").orElseThrow().blind()).isTrue();
    }

    @Test
    void groupFoldersAndTheDefaultGroupWithoutANumberAreRead() {
        DownloadFolder group = DownloadFolder.parse("Team Turing_42_assignsubmission_file").orElseThrow();
        assertThat(group.name()).isEqualTo("Team Turing");
        assertThat(group.id()).isEqualTo("42");
        DownloadFolder none = DownloadFolder.parse("Default group_assignsubmission_file").orElseThrow();
        assertThat(none.id()).isNull();
        assertThat(DownloadFolder.parse("my-submission.zip")).isEmpty();
    }

    @Test
    void namesCompareAsMoodleWritesThem() {
        DownloadFolder f = DownloadFolder.parse("Zoe\u0308 O Brien_7_assignsubmission_file_").orElseThrow();
        assertThat(f.isNamed("Zoë O'Brien")).as("decomposed accent, apostrophe dropped").isFalse();
        assertThat(DownloadFolder.parse("Zoe\u0308 OBrien_7_assignsubmission_file_").orElseThrow()
            .isNamed("Zoë O'Brien")).isTrue();
        assertThat(DownloadFolder.parse("Team Gauss-Carl Gauss_7_assignsubmission_file_").orElseThrow()
            .isNamed("Team_Gauss-Carl Gauss")).isTrue();
    }
}
