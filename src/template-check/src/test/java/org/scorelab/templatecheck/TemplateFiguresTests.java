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
import org.scorelab.figures.FiguresCommand;

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

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("dsm-1-data.png",
            "dsm-2-perturbed.png", "dsm-3-loss.png", "dsm-4-scores.png", "dsm-5-samples.png", "ebm-1-ml.png", "ebm-2-nce.png",
            "ebm-3-ism.png", "ebm-4-dsm.png", "figures.pdf");
        for (Path png : written.subList(0, 9)) {
            var image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).as(png.toString()).isEqualTo(2400);
            assertThat(image.getHeight()).as(png.toString()).isEqualTo(1695);
            assertThat(Files.size(png)).as(png.toString()).isGreaterThan(10_000);
        }
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("figures.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(9);
        }
    }
}
