package org.scorelab.grading.similarity;

import de.jplag.JPlag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scorelab.grading.ClassGrader;
import org.scorelab.grading.intake.Intake;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.intake.TemplateSources;
import org.scorelab.grading.report.AtomicFiles;

/**
 * The similarity check of a class: per assignment, JPlag compares every two submissions of the class folder, and each
 * with the earlier terms' archives, with the template as base code so its lines never count; writes JPlag's report
 * ({@code similarity-<assignment>.zip}, for its report viewer), {@code similarity.csv} (the pairs at or above the
 * threshold) and {@code similarity-not-compared.csv}. It reads the uploads as grading does ({@link Intake}) and
 * changes no grade: what it flags is for the instructor to review.
 */
public final class SimilarityCheck {
    /** JPlag's version, as the report viewer checks it. */
    public static final String JPLAG_VERSION = JPlag.JPLAG_VERSION.major() + "." + JPlag.JPLAG_VERSION.minor() + "."
        + JPlag.JPLAG_VERSION.patch();
    /**
     * The average similarity at or above which a pair is flagged: half-way between the most similar independent pair
     * (0.49, ebm) and the least similar copy (0.61, ebm) of the corpus in grading/src/test/resources/similarity; in
     * dsm the two are 0.35 and 0.78 (docs/similarity.md).
     */
    public static final double DEFAULT_THRESHOLD = 0.55;
    public static final String CSV = "similarity.csv";
    public static final String NOT_COMPARED_CSV = "similarity-not-compared.csv";

    private final double threshold;
    private final List<Path> archives;
    private final TemplateSources template;

    /**
     * @param threshold the similarity at or above which a pair is flagged, in (0, 1]
     * @param archives earlier terms' class folders (a folder or zip per student), compared against, not reported among
     *     themselves
     */
    public SimilarityCheck(double threshold, List<Path> archives) {
        this(threshold, archives, TemplateSources.bundled());
    }

    SimilarityCheck(double threshold, List<Path> archives, TemplateSources template) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the similarity threshold must be in (0, 1], got " + threshold);
        }
        archives.forEach(a -> {
            String problem = archiveProblem(a);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        });
        this.threshold = threshold;
        this.archives = List.copyOf(archives);
        this.template = template;
    }

    /** Why {@code archive} cannot be an archive of earlier terms, or null when it can. */
    public static String archiveProblem(Path archive) {
        if (!Files.isDirectory(archive)) {
            return "The similarity archive " + archive + " is not a folder: give an earlier term's class folder (a folder"
                + " or zip per student, as the LMS downloads them).";
        }
        return null;
    }

    /** Checks the class folder's submissions against each other and the archives; writes the files into {@code out}. */
    public SimilarityResult run(Path classFolder, Path out) throws IOException {
        Files.createDirectories(out);
        List<AssignmentResult> results = new ArrayList<>();
        try (Workspace workspace = new Workspace(template)) {
            List<Workspace.Entry> entries = new ArrayList<>(read(classFolder, out, null));
            for (Path archive : archives) {
                entries.addAll(read(archive, out, archive.toAbsolutePath().normalize().getFileName().toString()));
            }
            for (String assignment : template.assignments()) {
                results.add(check(assignment, workspace, entries, out));
            }
        }
        Path csv = out.resolve(CSV);
        Path notCompared = out.resolve(NOT_COMPARED_CSV);
        SimilarityResult result = new SimilarityResult(threshold, results, csv, notCompared);
        AtomicFiles.write(csv, SimilarityCsv.pairs(result.flagged()));
        AtomicFiles.write(notCompared, SimilarityCsv.notCompared(result.notCompared()));
        return result;
    }

    private AssignmentResult check(String assignment, Workspace workspace, List<Workspace.Entry> entries, Path out)
        throws IOException {
        long start = System.nanoTime();
        Path report = out.resolve("similarity-" + assignment + ".zip");
        Files.deleteIfExists(report); // an earlier run's, which would no longer match similarity.csv
        Workspace.Layout layout = workspace.layout(assignment, entries);
        if (layout.classSubmissions() == 0 || layout.participants().size() < 2) {
            return new AssignmentResult(assignment, (int) layout.classSubmissions(), 0, threshold, List.of(),
                layout.leftOut(), null, String.format(Locale.ROOT, "not compared: %d submission(s) of the class and %d of"
                    + " earlier terms, too few to compare", layout.classSubmissions(),
                    layout.participants().size() - layout.classSubmissions()), 0, 0);
        }
        AssignmentCheck.Outcome o = AssignmentCheck.run(assignment, layout, threshold, report,
            workspace.scratch("report-" + assignment));
        return new AssignmentResult(assignment, o.compared(), o.archived(), threshold, o.pairs(), o.notCompared(),
            o.report(), o.note(), o.comparingSeconds(), (System.nanoTime() - start) / 1e9);
    }

    /** The submissions of a class folder, read as grading reads them. */
    private List<Workspace.Entry> read(Path folder, Path out, String archive) throws IOException {
        List<Workspace.Entry> entries = new ArrayList<>();
        for (Path upload : ClassGrader.submissions(folder, out)) {
            Participant p = new Participant(Student.fromFolderName(upload.getFileName().toString()), archive);
            entries.add(new Workspace.Entry(p, Intake.read(upload, template)));
        }
        return entries;
    }
}
