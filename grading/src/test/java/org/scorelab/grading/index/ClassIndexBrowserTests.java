package org.scorelab.grading.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.intake.Student;

/**
 * The class index and a student's report as a browser shows them, opened from file:// URLs as an instructor opens
 * them: Debian's headless Chromium renders both to PNG screenshots, kept in {@code target/screenshots/} to be looked
 * at, and runs the index's sort script. Skipped where {@code /usr/bin/chromium} is missing ({@code .ci/run} installs
 * it).
 */
class ClassIndexBrowserTests {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;
    ClassFolder folder;

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " to render the index: on Debian,"
            + " apt-get install chromium (as .ci/run does)");
    }

    @BeforeEach
    void writeTheIndexOfAClass() throws IOException {
        folder = new ClassFolder(dir)
            .graded("Ada Lovelace", "100001", Set.of("dsm", "ebm"), ClassFolder.TASKS)
            .graded("Carl Gauss", "100003", Set.of("dsm", "ebm"), Map.of("dsm 1.1", 1.0, "dsm 3.10", 1.0, "ebm 1.3", 2.0))
            .graded("Dorothy Vaughan", "100004", Set.of("dsm"), Map.of("dsm 1.1", 2.0))
            .empty("Eve Empty", "100005")
            .notGraded("Grace Hopper", "100007");
        Files.writeString(folder.out.resolve("similarity.csv"), "assignment,similarity,max_similarity,student_a,id_a,"
            + "student_b,id_b,source_b,matched_tokens,files_matched\n"
            + "dsm,0.987,0.987,Ada Lovelace,100001,Carl Gauss,100003,class,305,AnalyticScores.java (114 tokens)\n");
        ClassList list = folder.list().withoutUploads(List.of(new Student("100009", "Hedy Lamarr", null)));
        ClassIndex.write(list, folder.folder, folder.out, ClassFolder.PLAN, true);
    }

    @Test
    void theIndexAndAReportRenderToPicturesThatAreNotBlank() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path index = SCREENSHOTS.resolve("index.png");
        Path report = SCREENSHOTS.resolve("report.png");
        chromium("--screenshot=" + index.toAbsolutePath(), "--window-size=1280,1600",
            folder.out.resolve(ClassIndex.HTML).toUri().toString());
        chromium("--screenshot=" + report.toAbsolutePath(), "--window-size=1100,1400",
            folder.out.resolve("Dorothy_Vaughan_100004/report.html").toUri().toString());
        for (Path png : List.of(index, report)) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as("%s is a PNG", png).isNotNull();
            assertThat(colours(image)).as("colours drawn in %s", png).isGreaterThan(20);
            assertThat(inked(image)).as("share of %s that is not white", png).isGreaterThan(0.02);
        }
        // The figure beside index.html loaded (file:// from the page's folder): its green bars are in the screenshot.
        assertThat(count(ImageIO.read(index.toFile()), 0x2ca02c)).as("the figure's green bars").isGreaterThan(200);
    }

    @Test
    void clickingAHeadingSortsTheStudentsAndClickingAgainReverses() throws Exception {
        Document sorted = clickedTwice("total");
        assertThat(sorted.select("#students-table tbody tr td:first-child").eachText()).as("by total, highest first")
            .containsExactly("Ada Lovelace", "Carl Gauss", "Dorothy Vaughan", "Eve Empty", "Hedy Lamarr", "Grace Hopper");
        assertThat(sorted.select("#students-table th[aria-sort]").eachText()).containsExactly("total");
        assertThat(sorted.select("#students-table th[aria-sort]").attr("aria-sort")).isEqualTo("descending");
    }

    /** The index's DOM after its heading {@code heading} was clicked twice, as Chromium holds it. */
    private Document clickedTwice(String heading) throws Exception {
        Path page = folder.out.resolve("clicked.html");
        String html = Files.readString(folder.out.resolve(ClassIndex.HTML));
        Files.writeString(page, html.replace("</body>", "<script>const h = Array.from(document.querySelectorAll("
            + "'#students-table th')).find(th => th.textContent === '" + heading + "'); h.click(); h.click();</script>"
            + "</body>"));
        return Jsoup.parse(chromium("--dump-dom", page.toUri().toString()));
    }

    /** Runs headless Chromium with the flags this machine needs (no sandbox as root, no network) and returns stdout. */
    private String chromium(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
            "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars",
            "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile-")));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "chromium-", ".log");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not end in 120 s: " + command);
        }
        assertThat(p.exitValue()).as("Chromium %s: %s", command, Files.readString(log)).isZero();
        return out;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return seen.size();
    }

    private static double inked(BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == 0xffffff ? 0 : 1;
            }
        }
        return n / (double) ((long) image.getWidth() * image.getHeight());
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
