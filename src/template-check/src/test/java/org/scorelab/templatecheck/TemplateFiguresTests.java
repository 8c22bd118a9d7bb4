package org.scorelab.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.course.AssignmentDescriptor;
import org.scorelab.course.Course;
import org.scorelab.course.FiguresCommand;

/**
 * The untouched template still makes every page of both sheets' figures: each figure that needs a task not
 * implemented yet is a note saying so, so a student can hand in the figures of the tasks they finished.
 */
class TemplateFiguresTests {
    @TempDir
    Path folder;

    @Test
    void everyPageIsWrittenWithANoteForEachTaskNotImplementedYet() throws IOException {
        List<Path> written = FiguresCommand.run(new String[] {"0", "both", folder.toString()});

        List<String> names = written.stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names.get(names.size() - 1)).isEqualTo("figures.pdf");
        for (AssignmentDescriptor a : Course.installed().assignments()) {
            assertThat(names).as(a.name()).anyMatch(n -> n.startsWith(a.name() + "-1-") && n.endsWith(".png"));
        }
        assertThat(names.subList(0, names.size() - 1)).allMatch(n -> n.endsWith(".png"));
        int pages = names.size() - 1;
        for (Path png : written.subList(0, pages)) {
            var image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).as(png.toString()).isEqualTo(2400);
            assertThat(image.getHeight()).as(png.toString()).isEqualTo(1695);
            assertThat(Files.size(png)).as(png.toString()).isGreaterThan(10_000);
        }
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("figures.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(pages);
        }
    }
}
