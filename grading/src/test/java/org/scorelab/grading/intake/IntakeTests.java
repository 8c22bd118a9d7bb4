package org.scorelab.grading.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scorelab.grading.Uploads.MIXTURE;
import static org.scorelab.grading.Uploads.TEMPLATE;
import static org.scorelab.grading.Uploads.utf8;
import static org.scorelab.grading.Uploads.zip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.Uploads;

class IntakeTests {
    @TempDir
    Path dir;

    private static final String LANGEVIN = "org/scorelab/ebm/Langevin.java";

    private Upload readZip(Map<String, byte[]> entries) throws IOException {
        Path z = dir.resolve("upload.zip");
        Files.write(z, zip(entries));
        return Intake.read(z, TEMPLATE);
    }

    @Test
    void looseFilesAreMatchedToTheTemplateByTheirPackageLine() {
        Path upload = Uploads.folder(dir, "loose", Map.of("GaussianMixture.java", TEMPLATE.source(MIXTURE),
            "Langevin.java", TEMPLATE.source(LANGEVIN), "package-info.java", "package org.scorelab.dsm;"));
        Upload u = Intake.read(upload, TEMPLATE);
        assertThat(u.files()).extracting(SourceFile::path).containsExactlyInAnyOrder(MIXTURE, LANGEVIN);
        assertThat(u.notes()).isEmpty();
    }

    @Test
    void nestedZipsWithFoldersAreRead() throws IOException {
        byte[] inner = zip(Map.of("src/main/java/" + LANGEVIN, utf8(TEMPLATE.source(LANGEVIN))));
        Upload u = readZip(Map.of("mine/GaussianMixture.java", utf8(TEMPLATE.source(MIXTURE)), "mine/ebm.zip", inner,
            "__MACOSX/._GaussianMixture.java", new byte[] {0, 1}));
        assertThat(u.files()).extracting(SourceFile::path).containsExactlyInAnyOrder(MIXTURE, LANGEVIN);
        assertThat(u.files()).extracting(SourceFile::origin).anyMatch(o -> o.contains("ebm.zip!/src/main/java/"));
    }

    @Test
    void entriesThatLeaveTheZipAreSkippedAndNothingIsWritten() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../../evil/GaussianMixture.java", utf8(TEMPLATE.source(MIXTURE)));
        entries.put("/etc/Langevin.java", utf8(TEMPLATE.source(LANGEVIN)));
        entries.put("..\\GaussianMixture (1).java", utf8(TEMPLATE.source(MIXTURE)));
        entries.put("ok/Langevin.java", utf8(TEMPLATE.source(LANGEVIN)));
        Upload u = readZip(entries);
        assertThat(u.files()).extracting(SourceFile::origin).containsExactly("upload.zip!/ok/Langevin.java");
        assertThat(u.notes()).filteredOn(n -> n.contains("leaves the zip")).hasSize(3)
            .anyMatch(n -> n.contains("../../evil/GaussianMixture.java"));
        assertThat(dir.getParent().resolve("evil")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("upload.zip"));
        }
    }

    @Test
    void anEmptyZipIsGradedAsTheTemplateWithAClearNote() throws IOException {
        Upload u = readZip(Map.of());
        assertThat(u.isEmpty()).isTrue();
        assertThat(u.notes()).anyMatch(n -> n.contains("upload.zip is empty or not a zip file"))
            .anyMatch(n -> n.contains("No .java file of the template was found"));
    }

    @Test
    void aFileThatIsNotAZipGetsANoteAndTheRestIsKept() throws IOException {
        Path upload = Uploads.folder(dir, "mixed", Map.of("Langevin.java", TEMPLATE.source(LANGEVIN)));
        Files.write(upload.resolve("broken.zip"), "PK\u0003\u0004 this is not a zip".getBytes(StandardCharsets.ISO_8859_1));
        Upload u = Intake.read(upload, TEMPLATE);
        assertThat(u.files()).extracting(SourceFile::path).containsExactly(LANGEVIN);
        assertThat(u.notes()).anyMatch(n -> n.contains("broken.zip"));
    }

    @Test
    void aWrongPackageLineIsReadAsItsClassWithTheLineReplacedAndANote() {
        String source = TEMPLATE.source(MIXTURE);
        String moved = source.replace("package org.scorelab.dsm;", "package dsm;");
        Upload u = Intake.read(Uploads.folder(dir, "wrong", Map.of("GaussianMixture.java", moved)), TEMPLATE);
        assertThat(u.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(MIXTURE);
            assertThat(f.text()).isEqualTo(source);
        });
        assertThat(u.notes()).singleElement().asString().contains("declares package dsm")
            .contains("the template's GaussianMixture.java is in package org.scorelab.dsm")
            .contains("graded as org.scorelab.dsm.GaussianMixture").contains("Keep the template's package line");
    }

    @Test
    void aFileWithoutAPackageLineIsReadIntoItsClassesPackageKeepingItsLineNumbers() {
        String source = TEMPLATE.source(LANGEVIN);
        String bare = source.replace("package org.scorelab.ebm;", "");
        Upload u = Intake.read(Uploads.folder(dir, "bare", Map.of("Langevin.java", bare)), TEMPLATE);
        assertThat(u.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(LANGEVIN);
            assertThat(f.text()).startsWith("package org.scorelab.ebm; ").isEqualTo("package org.scorelab.ebm; " + bare);
            assertThat(f.text().lines().count()).isEqualTo(bare.lines().count());
        });
        assertThat(u.notes()).singleElement().asString().contains("declares no package");
    }

    @Test
    void aClassBothAssignmentsHaveIsReadFromAWrongPackageOnlyWhenItsFoldersOrPackageSayWhich() {
        String solution = TEMPLATE.source("org/scorelab/ebm/Solution.java").replace("package org.scorelab.ebm;", "package solutions;");
        Upload unclear = Intake.read(Uploads.folder(dir, "unclear", Map.of("Solution.java", solution)), TEMPLATE);
        assertThat(unclear.files()).isEmpty();
        assertThat(unclear.notes()).first().asString().contains("declares package solutions")
            .contains("in each of the packages [org.scorelab.dsm, org.scorelab.ebm]").contains("it was not graded");
        Upload clear = Intake.read(Uploads.folder(dir, "clear", Map.of("ebm/Solution.java", solution)), TEMPLATE);
        assertThat(clear.files()).extracting(SourceFile::path).containsExactly("org/scorelab/ebm/Solution.java");
    }

    @Test
    void aFileNamedAsABrowsersSecondDownloadIsGradedAsTheClassItDeclaresWithANote() {
        Upload u = Intake.read(Uploads.folder(dir, "copy", Map.of("GaussianMixture (1).java", TEMPLATE.source(MIXTURE))), TEMPLATE);
        assertThat(u.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(MIXTURE);
            assertThat(f.origin()).isEqualTo("GaussianMixture (1).java");
        });
        assertThat(u.notes()).singleElement().asString()
            .startsWith("Graded GaussianMixture (1).java (GaussianMixture (1).java) as GaussianMixture.java")
            .contains("it declares org.scorelab.dsm.GaussianMixture");
    }

    @Test
    void aFileNamedAfterNoClassStillMatchesByTheClassItDeclares() {
        Upload u = Intake.read(Uploads.folder(dir, "renamed", Map.of("my_task_1.java", TEMPLATE.source(MIXTURE))), TEMPLATE);
        assertThat(u.files()).extracting(SourceFile::path).containsExactly(MIXTURE);
        assertThat(u.notes()).singleElement().asString().contains("Graded my_task_1.java");
    }

    @Test
    void ofTwoFilesDeclaringOneClassTheNewestIsGradedThenTheBrowsersLatestCopy() throws IOException {
        Path upload = Uploads.folder(dir, "twice", Map.of("GaussianMixture.java", TEMPLATE.source(MIXTURE) + "// first",
            "GaussianMixture (1).java", TEMPLATE.source(MIXTURE) + "// second download"));
        java.nio.file.attribute.FileTime t = java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(upload.resolve("GaussianMixture.java"), t);
        Files.setLastModifiedTime(upload.resolve("GaussianMixture (1).java"), t);
        Upload sameTime = Intake.read(upload, TEMPLATE);
        assertThat(sameTime.files()).singleElement().satisfies(f -> assertThat(f.text()).endsWith("// second download"));
        assertThat(sameTime.notes()).anyMatch(n -> n.contains("2 copies of " + MIXTURE) && n.contains("graded the newest, GaussianMixture (1).java")
            && n.contains("ignored [GaussianMixture.java]"));

        Files.setLastModifiedTime(upload.resolve("GaussianMixture.java"), java.nio.file.attribute.FileTime.fromMillis(t.toMillis() + 60_000));
        Upload edited = Intake.read(upload, TEMPLATE);
        assertThat(edited.files()).singleElement().satisfies(f -> assertThat(f.text()).endsWith("// first"));
    }

    @Test
    void declarationsAreReadFromCodeNotFromCommentsOrStrings() {
        String text = "// package wrong.one;\n/* class Decoy {} */\npackage org.scorelab.dsm;\nimport java.util.List;\n"
            + "@SuppressWarnings(\"class Fake\")\nfinal class Helper {}\npublic final class NoiseSchedule { class Inner {} }\n";
        Declaration d = Declaration.of(text);
        assertThat(d.packageName()).isEqualTo("org.scorelab.dsm");
        assertThat(d.className()).isEqualTo("NoiseSchedule");
        assertThat(d.withPackage(text, "x.y")).contains("\npackage x.y;\n").startsWith("// package wrong.one;");
        assertThat(Declaration.of("record Point(double x, double y) {}").className()).isEqualTo("Point");
        assertThat(Declaration.of("interface I { class Nested {} }").className()).isEqualTo("I");
    }

    @Test
    void filesOutsideTheTemplateAreIgnoredByName() {
        Upload u = Intake.read(Uploads.folder(dir, "extra", Map.of("Helper.java", "package org.scorelab.dsm; class Helper {}",
            "report.pdf", "%PDF", "Langevin.java", TEMPLATE.source(LANGEVIN))), TEMPLATE);
        assertThat(u.files()).hasSize(1);
        assertThat(u.notes()).anyMatch(n -> n.contains("Ignored 2 file(s)") && n.contains("Helper.java") && n.contains("report.pdf"));
    }

    @Test
    void aLatin1FileIsReadWithANoteInsteadOfFailing() throws IOException {
        String source = TEMPLATE.source(LANGEVIN).replace("package org.scorelab.ebm;", "// Schr\u00f6dinger\npackage org.scorelab.ebm;");
        Upload u = readZip(Map.of("Langevin.java", source.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(u.files()).singleElement().satisfies(f -> assertThat(f.text()).contains("Schr\u00f6dinger"));
        assertThat(u.notes()).anyMatch(n -> n.contains("not valid UTF-8") && n.contains("ISO-8859-1"));
    }

    @Test
    void ofTwoCopiesInAZipWrittenAtOnceTheLastIsGraded() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("backup/Langevin.java", utf8(TEMPLATE.source(LANGEVIN) + "// old"));
        entries.put("src/main/java/" + LANGEVIN, utf8(TEMPLATE.source(LANGEVIN)));
        Upload u = readZip(entries);
        assertThat(u.files()).singleElement().satisfies(f -> assertThat(f.origin()).endsWith("src/main/java/" + LANGEVIN));
        assertThat(u.notes()).anyMatch(n -> n.contains("2 copies of " + LANGEVIN) && n.contains("backup/Langevin.java"));
    }

    @Test
    void aZipBombStopsAtTheSizeCapWithANote() throws IOException {
        byte[] zeros = new byte[(int) Intake.MAX_BYTES + 1024];
        Upload u = readZip(Map.of("Langevin.java", utf8(TEMPLATE.source(LANGEVIN)), "zeros.bin", zeros));
        assertThat(u.notes()).anyMatch(n -> n.contains("unpacks to more than 50 MB"));
    }

    @Test
    void moodleFolderNamesGiveTheStudentsNameAndId() {
        assertThat(Student.fromFolderName("Ada Lovelace_100001_assignsubmission_file_"))
            .isEqualTo(new Student("100001", "Ada Lovelace", "Ada Lovelace_100001_assignsubmission_file_"));
        assertThat(Student.fromFolderName("jdoe.zip").id()).isEqualTo("jdoe");
        assertThat(Student.fromFolderName("Zoë O'Neil_7_assignsubmission_file_").fileKey()).isEqualTo("Zo_O_Neil_7");
    }
}
