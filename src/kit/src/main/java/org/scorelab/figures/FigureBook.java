package org.scorelab.figures;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * An ordered set of {@link Page}s written as one PNG per page and a single multi-page PDF with the pages as vector
 * graphics (PDFBox draws each page's Graphics2D calls; text becomes outlines, so the PDF needs no fonts).
 */
public final class FigureBook {
    /** PNG pixels per page unit: a page is 2400 x 1695 pixels, 200 dpi on A4 landscape. */
    public static final double PNG_SCALE = 1.5;
    private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private final List<Page> pages = new ArrayList<>();

    public FigureBook add(Page page) {
        if (pages.stream().anyMatch(p -> p.name().equals(page.name()))) {
            throw new IllegalArgumentException("a figure book already has a page named " + page.name());
        }
        pages.add(page);
        return this;
    }

    public FigureBook addAll(FigureBook other) {
        other.pages.forEach(this::add);
        return this;
    }

    public List<Page> pages() {
        return List.copyOf(pages);
    }

    /**
     * Writes {@code <name>.png} for every page and {@code pdfName} with all pages into {@code folder} (created if
     * needed); each file is written beside its final name and moved into place, so a reader never sees half a file.
     *
     * @return the files written, PNGs in page order, then the PDF
     */
    public List<Path> write(Path folder, String pdfName) {
        if (pages.isEmpty()) {
            throw new IllegalStateException("a figure book with no pages has nothing to write");
        }
        try {
            Files.createDirectories(folder);
            List<Path> written = new ArrayList<>();
            for (Page page : pages) {
                written.add(writePng(page, folder.resolve(page.name() + ".png")));
            }
            written.add(writePdf(folder.resolve(pdfName)));
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the figures to " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Renders {@code page} as the image of its PNG ({@link #PNG_SCALE} pixels per unit). */
    public static BufferedImage image(Page page) {
        return image(page, PNG_SCALE);
    }

    /** Renders {@code page} at {@code scale} pixels per page unit. */
    public static BufferedImage image(Page page, double scale) {
        int width = (int) Math.round(Page.WIDTH * scale);
        int height = (int) Math.round(Page.HEIGHT * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            page.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Path writePng(Page page, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        if (!ImageIO.write(image(page), "png", partial.toFile())) {
            throw new IOException("the JDK has no PNG writer");
        }
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path writePdf(Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (PDDocument document = new PDDocument()) {
            float scale = Math.min(A4_LANDSCAPE.getWidth() / Page.WIDTH, A4_LANDSCAPE.getHeight() / Page.HEIGHT);
            for (Page page : pages) {
                PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, Page.WIDTH, Page.HEIGHT);
                try {
                    page.paint(g);
                } finally {
                    g.dispose();
                }
                PDFormXObject form = g.getXFormObject();
                PDPage pdfPage = new PDPage(A4_LANDSCAPE);
                document.addPage(pdfPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                    float x = (A4_LANDSCAPE.getWidth() - Page.WIDTH * scale) / 2;
                    float y = (A4_LANDSCAPE.getHeight() - Page.HEIGHT * scale) / 2;
                    content.transform(new Matrix(scale, 0, 0, scale, x, y));
                    content.drawForm(form);
                }
            }
            document.getDocumentInformation().setTitle(pages.get(0).title());
            document.getDocumentInformation().setCreator("scorelab");
            document.save(partial.toFile());
        }
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
