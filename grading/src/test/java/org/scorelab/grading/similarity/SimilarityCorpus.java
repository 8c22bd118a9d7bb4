package org.scorelab.grading.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.scorelab.grading.Uploads;

/**
 * The similarity corpus (src/test/resources/similarity) laid out as a class folder in Moodle's download layout, with
 * what the tests add: the example class's Ada Lovelace (the reference, a sixth independent author), two submissions of
 * the untouched template, and one whose only file does not parse. Hana Hayashi's upload is zipped, as she uploaded it.
 */
final class SimilarityCorpus {
    static final String ADA = "Ada Lovelace";
    static final String PIA = "Pia Parse";
    static final List<String> TEMPLATES = List.of("Tom Template", "Una Untouched");

    private SimilarityCorpus() {
    }

    /** The corpus folder of the test resources. */
    static Path resources() {
        try {
            return Path.of(SimilarityCorpus.class.getResource("/similarity").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Student name to the name of the student they copied from, "" for an independent author (corpus.csv). */
    static Map<String, String> copyOf() {
        Map<String, String> copies = new LinkedHashMap<>();
        try {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(resources().resolve("corpus.csv")))) {
                copies.put(r.get("student"), r.get("copy_of"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copies;
    }

    /** The independent author a corpus student's code comes from (themselves for an original). */
    static String origin(String student) {
        String copied = copyOf().getOrDefault(student, "");
        return copied.isEmpty() ? student : origin(copied);
    }

    /** True when both students' code comes from the same author: the pairs the check must flag, and only they. */
    static boolean copied(String a, String b) {
        return copyOf().containsKey(a) && copyOf().containsKey(b) && origin(a).equals(origin(b));
    }

    /** Writes the class folder into {@code dir}; returns it. */
    static Path classFolder(Path dir) throws IOException {
        Path classFolder = Files.createDirectories(dir);
        try (Stream<Path> students = Files.list(resources().resolve("class"))) {
            for (Path s : (Iterable<Path>) students::iterator) {
                Path target = classFolder.resolve(s.getFileName());
                if (s.getFileName().toString().startsWith("Hana Hayashi")) {
                    Files.createDirectories(target);
                    Files.write(target.resolve("hayashi-dsm-ebm.zip"), Uploads.zip(filesOf(s)));
                } else {
                    copyTree(s, target);
                }
            }
        }
        Uploads.copy(Uploads.example(ADA), classFolder.resolve(Uploads.example(ADA).getFileName()));
        Map<String, String> all = new TreeMap<>();
        Uploads.TEMPLATE.files().forEach((path, text) -> all.put(path.substring(path.lastIndexOf('/') + 1), text));
        Uploads.folder(classFolder, "Tom Template_200020_assignsubmission_file_", all);
        Map<String, byte[]> dsmOnly = new TreeMap<>();
        Uploads.TEMPLATE.files().forEach((path, text) -> {
            if (path.contains("/dsm/")) {
                dsmOnly.put("una/src/main/java/" + path, Uploads.utf8(text));
            }
        });
        Files.createDirectories(classFolder.resolve("Una Untouched_200021_assignsubmission_file_"));
        Files.write(classFolder.resolve("Una Untouched_200021_assignsubmission_file_/una.zip"), Uploads.zip(dsmOnly));
        Uploads.folder(classFolder, PIA + "_200030_assignsubmission_file_", Map.of("AnalyticScores.java",
            brokenCopyOf("Bruno Brandt_200002_assignsubmission_file_/AnalyticScores.java")));
        return classFolder;
    }

    /** A corpus file with its first statement's semicolon gone: javac cannot parse it. */
    static String brokenCopyOf(String corpusFile) throws IOException {
        String text = Files.readString(resources().resolve("class").resolve(corpusFile));
        int at = text.indexOf("this.spec = spec;");
        return text.substring(0, at) + "this.spec = spec" + text.substring(at + "this.spec = spec;".length());
    }

    private static Map<String, byte[]> filesOf(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(folder.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return files;
    }

    /** Copies a folder with everything in it; returns {@code to}. */
    static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
