package org.scorelab.nn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** NumPy files built by hand, byte by byte as numpy writes them, independently of the kit's reader and writer. */
final class NumpyFiles {
    private NumpyFiles() {
    }

    /** A version 1.0 .npy file: magic, version, header length, header dict padded to 64 bytes, data. */
    static byte[] npy(String descr, boolean fortranOrder, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
            + ", 'shape': " + shape + ", }";
        int padded = (10 + dict.length() + 1 + 63) / 64 * 64 - 10;
        String header = dict + " ".repeat(padded - dict.length() - 1) + "\n";
        ByteBuffer npy = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        npy.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        npy.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return npy.array();
    }

    static byte[] doubles(ByteOrder order, double... values) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * values.length).order(order);
        for (double v : values) {
            bytes.putDouble(v);
        }
        return bytes.array();
    }

    static String pythonShape(long[] shape) {
        return shape.length == 1 ? "(" + shape[0] + ",)"
            : Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /** A zip with deflated entries in name order, as numpy.savez_compressed writes. */
    static byte[] deflatedZip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
