package org.scorelab.grading.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads an upload (a folder, a zip, or a folder holding zips) into the student's template files. Nothing in an upload
 * is trusted: zip entries are read into memory and never written to disk, so a path such as {@code ../../x} cannot
 * escape; nesting, entry counts and sizes are capped (a zip bomb stops at the cap); symbolic links are not followed.
 * Every file set aside gets a note saying why, so the report can tell the student.
 */
public final class Intake {
    /** How deep zips may nest (a zip in a zip in a folder is depth 2). */
    static final int MAX_DEPTH = 3;
    /** Entries read from one upload, all zips together. */
    static final int MAX_ENTRIES = 5_000;
    /** Uncompressed bytes read from one upload. */
    static final long MAX_BYTES = 50L << 20;

    /** The name a browser gives a second download of a file: {@code GaussianMixture (1).java}. */
    private static final Pattern BROWSER_COPY = Pattern.compile(".* \\((\\d{1,4})\\)\\.java");

    private final TemplateSources template;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, List<Candidate>> candidates = new LinkedHashMap<>();
    private final TreeSet<String> ignored = new TreeSet<>();
    private int entries;
    private int order;
    private long bytes;

    private Intake(TemplateSources template) {
        this.template = template;
    }

    /** Reads the upload at {@code input}: a folder or a {@code .zip}. */
    public static Upload read(Path input, TemplateSources template) {
        Intake intake = new Intake(template);
        try {
            if (Files.isDirectory(input, LinkOption.NOFOLLOW_LINKS)) {
                intake.readFolder(input);
            } else if (Files.isRegularFile(input, LinkOption.NOFOLLOW_LINKS)) {
                intake.accept(input.getFileName().toString(), Files.readAllBytes(input), 0, modified(input));
            } else {
                intake.notes.add("The upload " + input.getFileName() + " is neither a folder nor a file.");
            }
        } catch (IOException e) {
            intake.notes.add("The upload could not be read completely: " + e.getMessage());
        } catch (CapReached e) {
            intake.notes.add(e.getMessage());
        }
        return intake.finish();
    }

    private void readFolder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isSymbolicLink(p)) {
                    notes.add("Skipped " + folder.relativize(p) + ": a symbolic link.");
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    count(Files.size(p));
                    accept(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p), 0, modified(p));
                }
            }
        }
    }

    private static long modified(Path p) throws IOException {
        return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis();
    }

    /** @param modified when the file was last changed, in ms since the epoch (0 when the upload does not say) */
    private void accept(String name, byte[] content, int depth, long modified) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.startsWith(".") || name.startsWith("__MACOSX/") || name.contains("/__MACOSX/")) {
            return;
        }
        if (base.toLowerCase().endsWith(".zip")) {
            readZip(name, content, depth + 1);
        } else if (base.equals("package-info.java") || base.equals("module-info.java")) {
            return;
        } else if (base.endsWith(".java")) {
            acceptSource(name, content, modified);
        } else {
            ignored.add(name);
        }
    }

    private void readZip(String name, byte[] content, int depth) {
        if (depth > MAX_DEPTH) {
            notes.add("Skipped " + name + ": zips nested more than " + MAX_DEPTH + " deep.");
            return;
        }
        int before = candidates.size() + ignored.size();
        boolean any = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                any = true;
                if (e.isDirectory()) {
                    continue;
                }
                String entry = e.getName().replace('\\', '/');
                if (escapes(entry)) {
                    notes.add("Skipped the entry \"" + entry + "\" of " + name
                        + ": its path leaves the zip (absolute, or with \"..\"); nothing was written.");
                    continue;
                }
                accept(name + "!/" + entry, readCapped(zip), depth, Math.max(0, e.getTime()));
            }
        } catch (ZipException | IllegalArgumentException e) {
            notes.add("Could not read " + name + " as a zip (" + e.getMessage() + "); its readable entries were kept.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!any) {
            notes.add(name + " is empty or not a zip file.");
        } else if (candidates.size() + ignored.size() == before) {
            notes.add(name + " holds no file.");
        }
    }

    private byte[] readCapped(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            count(n);
            out.write(buffer, 0, n);
        }
        entries++;
        if (entries > MAX_ENTRIES) {
            throw new CapReached("The upload has more than " + MAX_ENTRIES + " files; the rest was not read.");
        }
        return out.toByteArray();
    }

    private void count(long n) {
        bytes += n;
        if (bytes > MAX_BYTES) {
            throw new CapReached("The upload unpacks to more than " + (MAX_BYTES >> 20) + " MB; the rest was not read.");
        }
    }

    static boolean escapes(String entry) {
        return entry.startsWith("/") || entry.matches("^[A-Za-z]:.*") || List.of(entry.split("/")).contains("..");
    }

    /**
     * Matches a source to the template's file of the class it declares. A file whose package and class are the
     * template's is graded whatever it is called (a note says so when its name differs, e.g. {@code GaussianMixture
     * (1).java}); a file declaring a template class in another package (or none) is read into the template's package
     * when the class name says which file it is, with a note; otherwise the file is ignored.
     */
    private void acceptSource(String name, byte[] content, long modified) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        String text = decode(name, content);
        Declaration declared = Declaration.of(text);
        String type = declared.className() != null && !templateFiles(declared.className()).isEmpty()
            ? declared.className() : base.substring(0, base.length() - ".java".length());
        String path = declared.packageName() == null ? null : declared.packageName().replace('.', '/') + "/" + type + ".java";
        if (path != null && template.files().containsKey(path)) {
            if (!base.equals(type + ".java")) {
                notes.add("Graded " + base + " (" + name + ") as " + type + ".java: it declares " + declared.packageName() + "."
                    + type + ". Name the file " + type + ".java.");
            }
            candidates.computeIfAbsent(path, k -> new ArrayList<>()).add(new Candidate(new SourceFile(path, text, name), modified,
                copyNumber(base), order++));
            return;
        }
        List<String> sameName = templateFiles(type);
        if (sameName.isEmpty()) {
            ignored.add(name);
            return;
        }
        String says = base + " (" + name + ") declares " + (declared.packageName() == null ? "no package" : "package " + declared.packageName());
        List<String> meant = sameName.size() == 1 ? sameName : sameName.stream()
            .filter(p -> hints(declared.packageName(), name).contains(assignmentOf(p))).toList();
        if (meant.size() != 1) {
            notes.add(says + ", and the template has a " + type + ".java in each of the packages "
                + sameName.stream().map(Intake::packageOf).toList() + ": it was not graded, and the template's file was used in its place."
                + " Keep the template's package line.");
            return;
        }
        String target = meant.get(0);
        notes.add(says + ", but the template's " + type + ".java is in package " + packageOf(target) + ": it was graded as "
            + packageOf(target) + "." + type + ". Keep the template's package line.");
        candidates.computeIfAbsent(target, k -> new ArrayList<>()).add(new Candidate(
            new SourceFile(target, declared.withPackage(text, packageOf(target)), name), modified, copyNumber(base), order++));
    }

    /** The template's files of class {@code type}, e.g. both Solution.java files for "Solution". */
    private List<String> templateFiles(String type) {
        return template.files().keySet().stream().filter(p -> p.endsWith("/" + type + ".java")).toList();
    }

    private static String packageOf(String path) {
        return path.substring(0, path.lastIndexOf('/')).replace('/', '.');
    }

    private static String assignmentOf(String path) {
        String[] parts = path.split("/");
        return parts[parts.length - 2];
    }

    /** The words of a declared package and of the file's folders: "dsm" in {@code package dsm;} or {@code ebm/Solution.java}. */
    private static List<String> hints(String declaredPackage, String name) {
        List<String> words = new ArrayList<>(List.of(name.split("[/!.]")));
        if (declaredPackage != null) {
            words.addAll(List.of(declaredPackage.split("\\.")));
        }
        return words;
    }

    /** 1 for {@code GaussianMixture (1).java}, the copy a browser saves on a second download; 0 for other names. */
    private static int copyNumber(String base) {
        Matcher m = BROWSER_COPY.matcher(base);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private String decode(String name, byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
            && (content[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
        } catch (CharacterCodingException e) {
            // ISO-8859-1 maps every byte, so the file always reads; only non-ASCII characters can come out wrong.
            notes.add(name + " is not valid UTF-8; it was read as ISO-8859-1 (Latin-1). Save your files as UTF-8.");
            return new String(content, start, content.length - start, StandardCharsets.ISO_8859_1);
        }
    }

    private Upload finish() {
        List<SourceFile> files = new ArrayList<>();
        candidates.forEach((path, found) -> {
            // Of several files declaring one class, the newest: the latest modified, then the browser's latest copy
            // (GaussianMixture (2).java after (1)), then the last read.
            Candidate chosen = found.stream().max(Comparator.comparingLong(Candidate::modified)
                .thenComparingInt(Candidate::copy).thenComparingInt(Candidate::order)).orElseThrow();
            files.add(chosen.file());
            if (found.size() > 1) {
                notes.add("The upload holds " + found.size() + " copies of " + path + "; graded the newest, "
                    + chosen.file().origin() + ", and ignored " + found.stream().filter(f -> f != chosen).map(f -> f.file().origin())
                    .toList() + ".");
            }
        });
        if (!ignored.isEmpty()) {
            notes.add("Ignored " + ignored.size() + " file(s) that are not the template's .java files: "
                + String.join(", ", ignored.stream().limit(10).toList()) + (ignored.size() > 10 ? ", ..." : "") + ".");
        }
        if (files.isEmpty()) {
            notes.add("No .java file of the template was found in the upload: it was graded as the untouched template."
                + " Upload the template's files (for example EnergyNetwork.java, Langevin.java) with their package lines.");
        }
        return new Upload(files, notes);
    }

    /** A file found for a template path, with what decides between copies. */
    private record Candidate(SourceFile file, long modified, int copy, int order) {
    }

    /** Stops reading an upload that is too large; what was read so far is kept. */
    private static final class CapReached extends RuntimeException {
        CapReached(String message) {
            super(message, null, false, false);
        }
    }
}
