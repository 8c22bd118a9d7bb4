package org.scorelab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.compile.Compilation;
import org.scorelab.grading.compile.SubmissionCompiler;
import org.scorelab.grading.intake.Intake;
import org.scorelab.grading.intake.SourceFile;
import org.scorelab.grading.intake.Upload;
import org.scorelab.grading.run.ClassPaths;

/**
 * The bundled example class stays what its MANIFEST says: Ada's upload is the reference's files and Blaise's the
 * template's, so that the main job's full and zero marks keep meaning "the reference" and "the template".
 */
class ExampleClassTests {
    private static final Path REFERENCE = Path.of("../reference/src/main/java");

    @Test
    void adaUploadedTheReferencesFiles() throws IOException {
        Upload ada = Intake.read(Uploads.example("Ada Lovelace"), Uploads.TEMPLATE);
        assertThat(ada.files()).hasSizeGreaterThan(15);
        for (SourceFile f : ada.files()) {
            assertThat(f.text()).as(f.path()).isEqualTo(Files.readString(REFERENCE.resolve(f.path())));
        }
    }

    @Test
    void theStaticCheckRefusesNoExampleAndOnlyDorothysBrokenFileIsSetAside(@TempDir Path dir) throws IOException {
        SubmissionCompiler compiler = new SubmissionCompiler(Uploads.TEMPLATE, ClassPaths.compiler());
        try (var students = Files.list(Uploads.exampleClass())) {
            for (Path s : (Iterable<Path>) students.filter(Files::isDirectory).sorted()::iterator) {
                Compilation c = compiler.compile(Intake.read(s, Uploads.TEMPLATE), dir.resolve(s.getFileName().toString()));
                List<String> setAside = c.problems().stream().map(f -> f.source() + " " + f.path()).toList();
                assertThat(setAside).as(s.getFileName().toString()).isEqualTo(s.getFileName().toString().startsWith("Dorothy")
                    ? List.of("DID_NOT_COMPILE org/scorelab/dsm/EnergyNetwork.java") : List.of());
            }
        }
    }

    @Test
    void blaiseUploadedTheUntouchedTemplate() {
        Upload blaise = Intake.read(Uploads.example("Blaise Pascal"), Uploads.TEMPLATE);
        assertThat(blaise.files()).hasSize(Uploads.TEMPLATE.files().size());
        for (SourceFile f : blaise.files()) {
            assertThat(f.text()).as(f.path()).isEqualTo(Uploads.TEMPLATE.source(f.path()));
        }
    }
}
