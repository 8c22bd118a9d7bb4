package org.scorelab.nn;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The NumPy {@code .npz} archive: a plain zip file with one {@code name.npy} entry per array, as
 * {@code numpy.savez} writes it (stored) and {@code numpy.savez_compressed} (deflated); both are read.
 */
final class Npz {
    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /**
     * A zip archive with one stored (uncompressed) entry {@code name + ".npy"} per array, in the map's order.
     * Sizes and CRCs are written in the local headers, with no data descriptors, as Python's zipfile does.
     *
     * @param arrays array name (without ".npy") to its encoded {@code .npy} bytes
     */
    static byte[] write(Map<String, byte[]> arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> array : arrays.entrySet()) {
                byte[] npy = array.getValue();
                CRC32 crc = new CRC32();
                crc.update(npy);
                ZipEntry entry = new ZipEntry(array.getKey() + SUFFIX);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(npy.length);
                entry.setCompressedSize(npy.length);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(npy);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the .npz archive in memory: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * The archive's entries in file order, keyed by name without ".npy", each checked against its CRC-32.
     *
     * @throws IllegalArgumentException if the file is not a zip archive, is truncated or corrupt, or has an
     *     entry that is not a {@code .npy} file
     * @throws UncheckedIOException if the file cannot be read
     */
    static Map<String, byte[]> read(Path file) {
        if (Files.notExists(file)) {
            NoSuchFileException missing = new NoSuchFileException(file.toString());
            throw new UncheckedIOException("Cannot read " + file + ": " + reason(missing) + ".", missing);
        }
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = arrayName(entry, file);
                if (arrays.put(name, contents(zip, entry, file)) != null) {
                    throw new IllegalArgumentException("Cannot read " + file + ": the archive holds the entry "
                        + entry.getName() + " twice.");
                }
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": it is not a valid zip archive as "
                + "numpy.savez writes (" + e.getMessage() + "); it may be truncated or of another format.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + reason(e) + ".", e);
        }
        return arrays;
    }

    /** What went wrong with a file, for the end of a sentence. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return "there is no such file or directory (" + missing.getFile() + ")";
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission was denied (" + denied.getFile() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String arrayName(ZipEntry entry, Path file) {
        String name = entry.getName();
        if (entry.isDirectory() || !name.endsWith(SUFFIX) || name.length() == SUFFIX.length()) {
            throw new IllegalArgumentException("Cannot read " + file + ": its entry " + name + " is not a .npy "
                + "array, so the file is not an .npz archive of arrays.");
        }
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private static byte[] contents(ZipFile zip, ZipEntry entry, Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (ZipException | EOFException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": its entry " + entry.getName()
                + " is corrupt (" + e.getMessage() + ").", e);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
            throw new IllegalArgumentException("Cannot read " + file + ": its entry " + entry.getName()
                + " is corrupt (its CRC-32 does not match its contents).");
        }
        return bytes;
    }
}
