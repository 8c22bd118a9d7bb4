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

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\n]*");

    private final TemplateSources template;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, List<SourceFile>> candidates = new LinkedHashMap<>();
    private final TreeSet<String> ignored = new TreeSet<>();
    private int entries;
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
                intake.accept(input.getFileName().toString(), Files.readAllBytes(input), 0);
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
                    accept(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p), 0);
                }
            }
        }
    }

    private void accept(String name, byte[] content, int depth) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.startsWith(".") || name.startsWith("__MACOSX/") || name.contains("/__MACOSX/")) {
            return;
        }
        if (base.toLowerCase().endsWith(".zip")) {
            readZip(name, content, depth + 1);
        } else if (base.equals("package-info.java") || base.equals("module-info.java")) {
            return;
        } else if (base.endsWith(".java")) {
            acceptSource(name, content);
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
                accept(name + "!/" + entry, readCapped(zip), depth);
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

    private void acceptSource(String name, byte[] content) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        String text = decode(name, content);
        String declared = declaredPackage(text);
        String path = declared == null ? null : declared.replace('.', '/') + "/" + base;
        if (path != null && template.files().containsKey(path)) {
            candidates.computeIfAbsent(path, k -> new ArrayList<>()).add(new SourceFile(path, text, name));
            return;
        }
        List<String> sameName = template.files().keySet().stream().filter(p -> p.endsWith("/" + base)).toList();
        if (sameName.isEmpty()) {
            ignored.add(name);
        } else {
            String expected = sameName.get(0).substring(0, sameName.get(0).lastIndexOf('/')).replace('/', '.');
            notes.add(base + " (" + name + ") declares " + (declared == null ? "no package" : "package " + declared)
                + ", but the template's " + base + " is in package " + expected
                + ": it was not graded, and the template's file was used in its place. Keep the template's package line.");
        }
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

    static String declaredPackage(String text) {
        String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(text).replaceAll(" ")).replaceAll(" ");
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? m.group(1) : null;
    }

    private Upload finish() {
        List<SourceFile> files = new ArrayList<>();
        candidates.forEach((path, found) -> {
            // Prefer the copy that sits in its package's folders (src/main/java/org/...), as the template's does.
            SourceFile chosen = found.stream().filter(f -> f.origin().endsWith(path)).findFirst().orElse(found.get(0));
            files.add(chosen);
            if (found.size() > 1) {
                notes.add("The upload holds " + found.size() + " copies of " + path + "; graded " + chosen.origin()
                    + ", ignored " + found.stream().filter(f -> f != chosen).map(SourceFile::origin).toList() + ".");
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

    /** Stops reading an upload that is too large; what was read so far is kept. */
    private static final class CapReached extends RuntimeException {
        CapReached(String message) {
            super(message, null, false, false);
        }
    }
}
