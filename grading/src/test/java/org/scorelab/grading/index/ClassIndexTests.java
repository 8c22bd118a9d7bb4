package org.scorelab.grading.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.intake.Student;

/**
 * The class index and summary.csv of a class with a student of each kind: full marks (Ada), some points in both
 * assignments (Carl), only dsm uploaded (Dorothy), an upload without task files (Eve), an upload not graded yet
 * (Grace), and a student of the worksheet with no upload at all (Hedy).
 */
class ClassIndexTests {
    @TempDir
    Path dir;
    ClassFolder folder;
    ClassList list;

    @BeforeEach
    void gradeAClass() {
        folder = new ClassFolder(dir)
            .graded("Ada Lovelace", "100001", Set.of("dsm", "ebm"), ClassFolder.TASKS)
            .graded("Carl Gauss", "100003", Set.of("dsm", "ebm"), Map.of("dsm 1.1", 1.0, "dsm 3.10", 1.0, "ebm 1.3", 2.0))
            .graded("Dorothy Vaughan", "100004", Set.of("dsm"), Map.of("dsm 1.1", 2.0))
            .empty("Eve Empty", "100005")
            .notGraded("Grace Hopper", "100007");
        list = folder.list().withoutUploads(List.of(new Student("100009", "Hedy Lamarr", null)));
    }

    private Document index() throws Exception {
        ClassIndex.write(list, folder.folder, folder.out, ClassFolder.PLAN, true);
        return Jsoup.parse(folder.out.resolve(ClassIndex.HTML).toFile());
    }

    private static List<String> column(Document index, int column) {
        return index.select("#students-table tbody tr").stream().map(r -> r.child(column).text()).toList();
    }

    @Test
    void everyStudentHasARowWithTheirStandingAndEveryLinkOpensTheirReport() throws Exception {
        Document index = index();
        assertThat(column(index, 0)).containsExactly("Ada Lovelace", "Carl Gauss", "Dorothy Vaughan", "Eve Empty",
            "Grace Hopper", "Hedy Lamarr");
        assertThat(column(index, 2)).containsExactly("graded", "graded", "graded", "no submission no task file in the"
            + " upload", "not graded no report yet", "no submission nothing uploaded");
        List<String> links = index.select("#students-table a[href]").eachAttr("href");
        assertThat(links).hasSize(4).allSatisfy(href -> assertThat(folder.out.resolve(href)).isRegularFile()
            .hasFileName("report.html"));
        assertThat(index.select("#students-table a").eachText()).containsExactly("Ada Lovelace", "Carl Gauss",
            "Dorothy Vaughan", "Eve Empty");
        assertThat(index.text()).contains("6 students: 3 graded, 2 no submission (no grade in Moodle, not a zero), 1 not"
            + " graded");
    }

    @Test
    void theTaskColumnsFollowTheSheetsWithEachAssignmentsTotal() throws Exception {
        assertThat(index().select("#students-table thead th").eachText()).containsExactly("student", "id", "status",
            "dsm 1.1", "dsm 3.2", "dsm 3.10", "dsm", "ebm 1.3", "ebm", "total");
    }

    @Test
    void noSubmissionIsNeitherAZeroNorLeftOut() throws Exception {
        Document index = index();
        Element carl = index.select("#students-table tbody tr").get(1);
        Element dorothy = index.select("#students-table tbody tr").get(2);
        Element eve = index.select("#students-table tbody tr").get(3);
        Element hedy = index.select("#students-table tbody tr").get(5);
        assertThat(carl.children().eachText()).containsExactly("Carl Gauss", "100003", "graded", "1.00", "0.00", "1.00",
            "2.00 / 5.00", "2.00", "2.00 / 2.00", "4.00 / 7.00");
        assertThat(dorothy.children().eachText()).containsExactly("Dorothy Vaughan", "100004", "graded", "2.00", "0.00",
            "0.00", "2.00 / 5.00", "\u2013", "no submission", "2.00 / 7.00");
        assertThat(eve.children().eachText()).containsExactly("Eve Empty", "100005", "no submission no task file in the"
            + " upload", "\u2013", "\u2013", "\u2013", "no submission", "\u2013", "no submission", "\u2013");
        assertThat(hedy.children().eachText()).containsExactly("Hedy Lamarr", "100009", "no submission nothing uploaded",
            "\u2013", "\u2013", "\u2013", "no submission", "\u2013", "no submission", "\u2013");
        assertThat(dorothy.child(7).attr("title")).isEqualTo("no submission in ebm");
        assertThat(dorothy.child(7).attr("data-sort")).as("sorted below a zero").isEqualTo("-1");

        // summary.csv: the means and counts are over the students who submitted the task's assignment; Eve and Hedy
        // (and Dorothy in ebm) are counted as no submission; Grace, not graded, is in neither.
        assertThat(ClassSummary.csv(list).lines()).containsExactly(
            "task,mean points,max points,students who lost points,students,no submission",
            "dsm 3.2,0.67,2.00,2,3,2",
            "dsm 1.1,1.67,2.00,1,3,2",
            "dsm 3.10,0.67,1.00,1,3,2",
            "ebm 1.3,2.00,2.00,0,2,3");
    }

    @Test
    void theChecksMostStudentsFailedComeFirstWithTheirMessages() throws Exception {
        List<Element> rows = index().select("#failed-table tbody tr");
        assertThat(rows).extracting(r -> r.child(0).text() + " | " + r.child(2).text()).containsExactly(
            "dsm 3.2 | 2 of 3", "dsm 1.1 | 1 of 3", "dsm 3.10 | 1 of 3");
        assertThat(rows.get(0).child(1).text()).isEqualTo("dsm.Task3_2Tests.check");
        assertThat(rows.get(0).child(3).text()).isEqualTo("2 students: Task 3.2: expected 1, found 0.0");
        assertThat(rows.get(1).child(3).text()).isEqualTo("1 student: Task 1.1: expected 1, found 1.0");
    }

    @Nested
    class FlaggedPairs {
        private static final String HEADER = "assignment,similarity,max_similarity,student_a,id_a,student_b,id_b,"
            + "source_b,matched_tokens,files_matched\n";

        @Test
        void theFlaggedPairsAreNamedWithLinksToTheStudentsOfTheClass() throws Exception {
            Files.writeString(folder.out.resolve("similarity.csv"), HEADER
                + "dsm,0.987,0.987,Ada Lovelace,100001,Carl Gauss,100003,class,305,AnalyticScores.java (114 tokens)\n"
                + "ebm,0.612,0.700,Carl Gauss,100003,Old Student,900001,archive 2024,120,Langevin.java (80 tokens)\n");
            List<String> printed = ClassIndex.write(list, folder.folder, folder.out, ClassFolder.PLAN, true);
            Document index = Jsoup.parse(folder.out.resolve(ClassIndex.HTML).toFile());
            List<Element> rows = index.select("#similarity-table tbody tr");
            assertThat(rows).extracting(Element::text).containsExactly(
                "dsm 0.987 Ada Lovelace (100001) Carl Gauss (100003) AnalyticScores.java (114 tokens)",
                "ebm 0.612 Carl Gauss (100003) Old Student (900001, archive 2024) Langevin.java (80 tokens)");
            assertThat(rows.get(0).select("a").eachAttr("href")).containsExactly("Ada_Lovelace_100001/report.html",
                "Carl_Gauss_100003/report.html");
            assertThat(rows.get(1).select("a").eachText()).containsExactly("Carl Gauss");
            assertThat(printed).anyMatch(l -> l.contains("Pairs flagged by the similarity check of"))
                .contains("    dsm 0.987  Ada Lovelace (100001) ~ Carl Gauss (100003)");
        }

        @Test
        void aCheckThatFlaggedNothingOrNoCheckAtAllIsSaidSo() throws Exception {
            assertThat(index().select("#similarity").first().nextElementSibling().text())
                .startsWith("No similarity check has run on this class");
            Files.writeString(folder.out.resolve("similarity.csv"), HEADER);
            assertThat(index().text()).contains("No pair was flagged.");
        }
    }

    @Test
    void theFigureIsSummaryCsvAsStackedBarsPerTask() throws Exception {
        index();
        BufferedImage figure = ImageIO.read(folder.out.resolve(ClassIndex.FIGURE).toFile());
        assertThat(figure.getWidth()).isEqualTo(900);
        assertThat(figure.getHeight()).as("a bar per task").isEqualTo(90 + 26 * 4);
        // Each kind of bar is drawn: full points (Ada), some (Carl's dsm 1.1), none (dsm 3.2), no submission (Eve).
        for (int rgb : new int[] {0x2ca02c, 0xffbb3c, 0xd62728, 0xaaaaaa}) {
            assertThat(pixels(figure, rgb)).as("pixels of %06x", rgb).isGreaterThan(100);
        }
        assertThat(Jsoup.parse(folder.out.resolve(ClassIndex.HTML).toFile()).select("img").attr("src"))
            .isEqualTo(ClassIndex.FIGURE);
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
