package org.scorelab.grading.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.scorelab.grading.intake.SourceFile;
import org.scorelab.grading.intake.TemplateSources;
import org.scorelab.grading.intake.Upload;

/**
 * A temporary folder holding, per assignment, what JPlag reads: the template's files (the base code), and a folder per
 * submission with the student's files of that assignment as the grader's intake read them (zips, nested folders and
 * encodings handled as for grading), class and archive in separate roots. Files that do not parse are left out and
 * listed. Deleted on close.
 */
final class Workspace implements AutoCloseable {
    /** One submission, read. */
    record Entry(Participant participant, Upload upload) {
    }

    /**
     * What one assignment's check runs on.
     *
     * @param base the template's files of the assignment
     * @param classRoot a folder per class submission
     * @param archiveRoot a folder per archived submission, or null when there is no archive
     * @param participants each submission's folder (canonical) to whose it is
     * @param leftOut the files and submissions left out before JPlag, with the reason
     */
    record Layout(Path base, Path classRoot, Path archiveRoot, Map<Path, Participant> participants,
                  List<NotCompared> leftOut) {
        long classSubmissions() {
            return participants.values().stream().filter(Participant::inClass).count();
        }
    }

    private final Path root;
    private final TemplateSources template;

    Workspace(TemplateSources template) throws IOException {
        this.template = template;
        this.root = Files.createTempDirectory("scorelab-similarity");
    }

    /** A scratch folder inside the workspace (for JPlag's report before it is zipped). */
    Path scratch(String name) {
        return root.resolve(name);
    }

    /** Writes the assignment's folders for the entries that submitted it (a file with tasks). */
    Layout layout(String assignment, List<Entry> entries) throws IOException {
        Path dir = Files.createDirectories(root.resolve(assignment));
        Path base = dir.resolve("template");
        for (Map.Entry<String, String> f : template.files().entrySet()) {
            if (assignmentOf(f.getKey()).equals(assignment)) {
                write(base.resolve(f.getKey()), f.getValue());
            }
        }
        Path classRoot = Files.createDirectories(dir.resolve("class"));
        Path archiveRoot = entries.stream().anyMatch(e -> !e.participant().inClass())
            ? Files.createDirectories(dir.resolve("archive")) : null;
        Map<Path, Participant> participants = new HashMap<>();
        List<NotCompared> leftOut = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Entry e : entries) {
            List<SourceFile> files = e.upload().files().stream().filter(f -> f.assignment().equals(assignment)).toList();
            if (files.stream().noneMatch(f -> template.hasTasks(f.path()))) {
                continue; // did not submit this assignment
            }
            Map<String, String> errors = ParseCheck.errors(files);
            List<SourceFile> parsed = files.stream().filter(f -> !errors.containsKey(f.path())).toList();
            if (parsed.stream().noneMatch(f -> template.hasTasks(f.path()))) {
                leftOut.add(new NotCompared(assignment, e.participant(), null, "no file with tasks parses: "
                    + String.join("; ", errors.entrySet().stream().map(x -> fileName(x.getKey()) + " " + x.getValue()).toList())));
                continue;
            }
            errors.forEach((path, why) -> leftOut.add(new NotCompared(assignment, e.participant(), fileName(path),
                "does not parse (" + why + "); the submission's other files were compared")));
            Path folder = (e.participant().inClass() ? classRoot : archiveRoot).resolve(unique(folderName(e.participant()), names));
            for (SourceFile f : parsed) {
                write(folder.resolve(f.path()), f.text());
            }
            participants.put(folder.toFile().getCanonicalFile().toPath(), e.participant());
        }
        return new Layout(base, classRoot, archiveRoot, participants, leftOut);
    }

    static String assignmentOf(String templatePath) {
        String[] parts = templatePath.split("/");
        return parts[parts.length - 2];
    }

    static String fileName(String templatePath) {
        return templatePath.substring(templatePath.lastIndexOf('/') + 1);
    }

    /** The name JPlag shows: the report folder's name, after the archive's for an earlier term. */
    private static String folderName(Participant p) {
        String key = p.student().fileKey();
        return p.inClass() ? key : p.archive().replaceAll("[^A-Za-z0-9._-]+", "_") + "_" + key;
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
