package org.scorelab.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.assignment.Grid;
import org.scorelab.assignment.NotImplemented;
import org.scorelab.random.Rng;

/** Every kind of panel on a page, written as PNGs and one PDF of the expected size and page count. */
class FigureBookTests {
    @TempDir
    Path folder;

    @Test
    void everyPageBecomesAPngOfThePrintSizeAndAPageOfThePdf() throws IOException {
        Rng rng = new Rng(1);
        INDArray points = rng.normal(2_000, 2);
        Grid grid = Extent.around(0, 0, 3).grid(40);
        INDArray scores = grid.points().neg(); // the score of a standard Gaussian, -x
        double[][] density = grid.reshape(grid.points().mul(grid.points()).sum(1).mul(-0.5));
        double[] losses = new double[500];
        for (int k = 0; k < losses.length; k++) {
            losses[k] = 1 / Math.sqrt(k + 1.0) + 0.05 * rng.nextGaussian();
        }
        Attempts attempts = new Attempts();
        Object missing = attempts.run("9.9", () -> {
            throw new NotImplemented("9.9");
        });
        assertThat(missing).isNull();
        FigureBook book = new FigureBook()
            .add(new Page("one-histogram", "A histogram", "2,000 standard normal points.", 1,
                List.of(Plots.histogram("points", points, Extent.around(0, 0, 3), 64))))
            .add(new Page("two-fields", "A heat map and a score field", "A Gaussian's log-density and its score.", 2,
                List.of(Plots.heatMap("log density", grid, density, "log p"),
                    Plots.scoreField("score", Extent.around(0, 0, 3).grid(15), Extent.around(0, 0, 3).grid(15).points().neg(),
                        grid, density))))
            .add(new Page("three-more", "Scatter, loss, table and a note", "Everything else a page can hold.", 2,
                List.of(Plots.scatter("points", Extent.around(0, 0, 3), points, "data", points.mul(0.5), "samples"),
                    Plots.lossCurve("loss", losses), Panel.table("choices", List.<String[]>of(new String[] {"iterations", "500"})),
                    attempts.note("missing", "9.9"))));
        assertThat(scores.size(0)).isEqualTo(1600);

        List<Path> written = book.write(folder, "figures.pdf");

        assertThat(written).extracting(p -> p.getFileName().toString())
            .containsExactly("one-histogram.png", "two-fields.png", "three-more.png", "figures.pdf");
        for (Path png : written.subList(0, 3)) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).as(png.toString()).isEqualTo(2400);
            assertThat(image.getHeight()).as(png.toString()).isEqualTo(1695);
            assertThat(Files.size(png)).as(png.toString()).isGreaterThan(20_000);
            assertThat(distinctColours(image)).as("colours of " + png).isGreaterThan(20);
        }
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("figures.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isGreaterThan(pdf.getPage(0).getMediaBox().getHeight());
        }
        assertThat(folder).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void aPageNeedsAFileNameAndPanelsAndABookNamesEachPageOnce() {
        Panel note = Panel.note("n", "text");
        assertThatThrownBy(() -> new Page("Bad Name", "t", "c", 1, List.of(note))).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new Page("p", "t", "c", 1, List.of())).hasMessageContaining("at least one");
        FigureBook book = new FigureBook().add(new Page("p", "t", "c", 1, List.of(note)));
        assertThatThrownBy(() -> book.add(new Page("p", "t", "c", 1, List.of(note)))).hasMessageContaining("already");
        assertThatThrownBy(() -> new FigureBook().write(folder, "f.pdf")).hasMessageContaining("no pages");
        assertThatThrownBy(() -> Plots.histogram("h", new Rng(0).normal(5, 3), Extent.around(0, 0, 1), 8))
            .hasMessageContaining("shape [n, 2]");
    }

    @Test
    void tickSpacingsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(Plots.niceTick(1.4)).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Plots.niceTick(7)).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Plots.niceTick(150)).isEqualTo(20.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Plots.niceTick(3)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void colourScalesClampTheirRangeAndShowNanAsGrey() {
        ColourScale scale = ColourScale.viridis(0, 1);
        assertThat(scale.getPaint(-5)).isEqualTo(scale.getPaint(0));
        assertThat(scale.getPaint(5)).isEqualTo(scale.getPaint(1));
        assertThat(scale.getPaint(Double.NaN)).isEqualTo(new java.awt.Color(160, 160, 160));
        assertThat(ColourScale.viridis(2, 2).getUpperBound()).isGreaterThan(2);
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** Issue 19, item 3: the loss axis shows every iteration's loss, the first ones included, with about six ticks. */
    @Test
    void theLossAxisSpansEveryLossAndTicksSensibly() {
        double[] losses = {5.0, 3.0, 1.45, 1.2, 1.3, 1.1, 1.25};
        double[] range = Plots.lossRange(losses);
        assertThat(range[0]).isLessThan(1.1);
        assertThat(range[1]).isGreaterThan(5.0);
        assertThat(Plots.niceTick(range[1] - range[0])).isEqualTo(0.5);
        assertThat(Plots.niceTick(6000)).isEqualTo(1000);
        assertThat(Plots.lossRange(new double[] {Double.NaN, 1.0})).isNull();
    }
}
