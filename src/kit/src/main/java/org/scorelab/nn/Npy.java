package org.scorelab.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The NumPy {@code .npy} format (numpy/lib/format.py, "format version 1.0" to "3.0"): the magic string
 * {@code \x93NUMPY}, a version, a little-endian header length, a Python dict literal
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (8, 3), }} padded with spaces to a newline, then the
 * raw elements.
 *
 * <p>Writing uses ND4J's encoder, {@link Nd4j#toNpyByteArray}, which is only correct for a C-ordered array that
 * owns its buffer: in ND4J 1.0.0-M2.1 it copies the raw buffer from its start, so for a view (a row, a column,
 * a transpose) or an 'f'-ordered array it writes the wrong elements under a header that still claims C order.
 * {@link #encode} therefore hands it a fresh C-ordered double copy and checks the header it wrote.
 *
 * <p>Reading is done here, not by ND4J: its native parser ({@code Nd4j.createNpyFromByteArray},
 * {@code createNpyFromInputStream}) ignores {@code fortran_order}, reads past the end of truncated data,
 * rejects version 2.0 headers, aborts the JVM on big-endian data and crashes it on complex or string dtypes;
 * {@code Nd4j.createFromNpzFile} cannot read {@code numpy.savez_compressed} archives. Untrusted bytes must not
 * reach native code, and once the header is checked, decoding the elements is a few lines.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** The parsed header: element type, layout, shape, and where the elements start. */
    record Header(String descr, boolean fortranOrder, long[] shape, int dataOffset) {
    }

    /** {@code a} as a {@code .npy} file: float64 ('<f8'), C order, NPY format version 1.0. */
    static byte[] encode(INDArray a) {
        if (!a.dataType().isFPType()) {
            throw new IllegalArgumentException("Only floating-point arrays are saved as float64 .npy, but the array "
                + "holds " + a.dataType() + "; cast it to double first.");
        }
        INDArray copy = a.dataType() == DataType.DOUBLE ? a.dup('c') : a.castTo(DataType.DOUBLE).dup('c');
        byte[] bytes = Nd4j.toNpyByteArray(copy);
        Header header = parseHeader(bytes, "ND4J's .npy encoding");
        if (!header.descr().equals("<f8") || header.fortranOrder() || !Arrays.equals(header.shape(), copy.shape())
            || bytes.length - header.dataOffset() != 8 * copy.length()) {
            throw new IllegalStateException("ND4J's .npy encoder wrote the header " + headerText(bytes)
                + " and " + (bytes.length - header.dataOffset()) + " data bytes for a C-ordered float64 array of "
                + "shape " + Arrays.toString(copy.shape()) + "; the file would not load in NumPy.");
        }
        return bytes;
    }

    /**
     * Decodes a {@code .npy} file holding float64 or float32 numbers (either byte order, either layout).
     *
     * @param source what the bytes are, for error messages ("/tmp/x.npy", "entry 0.weight.npy of /tmp/m.npz")
     * @return a C-ordered double array of the file's shape
     */
    static INDArray decode(byte[] bytes, String source) {
        Header header = parseHeader(bytes, source);
        int itemSize = itemSize(header.descr(), source);
        long count = elementCount(header.shape(), source);
        long available = bytes.length - header.dataOffset();
        if (count * itemSize != available) {
            throw new IllegalArgumentException("Cannot read " + source + ": its shape " + Arrays.toString(header.shape())
                + " needs " + count * itemSize + " data bytes, but the file has " + available
                + "; it is truncated or corrupt.");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, header.dataOffset(), (int) available)
            .order(header.descr().charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = itemSize == 8 ? data.getDouble() : data.getFloat();
        }
        if (count == 0) {
            return Nd4j.create(DataType.DOUBLE, header.shape());
        }
        if (header.shape().length == 0) {
            return Nd4j.scalar(values[0]);
        }
        return Nd4j.create(values, header.shape(), header.fortranOrder() ? 'f' : 'c').dup('c');
    }

    /** Checks the magic string and version and parses the header dict. */
    static Header parseHeader(byte[] bytes, String source) {
        if (bytes.length < MAGIC.length + 4 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("Cannot read " + source + ": it does not start with the magic string "
                + "\\x93NUMPY, so it is not a NumPy .npy array.");
        }
        int major = bytes[6];
        ByteBuffer lengths = ByteBuffer.wrap(bytes, 8, bytes.length - 8).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(lengths.getShort());
            headerStart = 10;
        } else if ((major == 2 || major == 3) && bytes.length >= 12) {
            headerLength = Integer.toUnsignedLong(lengths.getInt());
            headerStart = 12;
        } else {
            throw new IllegalArgumentException("Cannot read " + source + ": it has .npy format version " + major + "."
                + bytes[7] + ", but only versions 1.0 to 3.0 exist.");
        }
        if (headerStart + headerLength > bytes.length) {
            throw new IllegalArgumentException("Cannot read " + source + ": its header claims " + headerLength
                + " bytes, but only " + (bytes.length - headerStart) + " follow; the file is truncated.");
        }
        String dict = new String(bytes, headerStart, (int) headerLength,
            major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).strip();
        if (!dict.startsWith("{") || !dict.endsWith("}")) {
            throw new IllegalArgumentException("Cannot read " + source + ": its header " + quote(dict)
                + " is not a Python dict literal.");
        }
        return new Header(descr(dict, source), fortranOrder(dict, source), shape(dict, source),
            (int) (headerStart + headerLength));
    }

    private static String descr(String dict, String source) {
        Matcher m = DESCR.matcher(dict);
        if (!m.find()) {
            throw new IllegalArgumentException("Cannot read " + source + ": its header " + quote(dict)
                + " has no simple 'descr' (structured arrays cannot be loaded).");
        }
        return m.group(1);
    }

    private static boolean fortranOrder(String dict, String source) {
        Matcher m = FORTRAN.matcher(dict);
        if (!m.find()) {
            throw new IllegalArgumentException("Cannot read " + source + ": its header " + quote(dict)
                + " has no 'fortran_order' of True or False.");
        }
        return m.group(1).equals("True");
    }

    private static long[] shape(String dict, String source) {
        Matcher m = SHAPE.matcher(dict);
        if (!m.find()) {
            throw new IllegalArgumentException("Cannot read " + source + ": its header " + quote(dict)
                + " has no 'shape' tuple.");
        }
        String[] parts = m.group(1).split(",");
        long[] shape = new long[parts.length];
        int rank = 0;
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            try {
                shape[rank] = Long.parseLong(part.strip().replaceFirst("L$", ""));
            } catch (NumberFormatException e) {
                shape[rank] = -1;
            }
            if (shape[rank++] < 0) {
                throw new IllegalArgumentException("Cannot read " + source + ": its shape (" + m.group(1)
                    + ") is not a tuple of non-negative integers.");
            }
        }
        return Arrays.copyOf(shape, rank);
    }

    /** The element size for float64 and float32; a full-sentence error for every other dtype. */
    private static int itemSize(String descr, String source) {
        if (descr.matches("[<>]f8")) {
            return 8;
        }
        if (descr.matches("[<>]f4")) {
            return 4;
        }
        String kind = descr.length() >= 2 ? switch (descr.charAt(1)) {
            case 'i', 'u' -> "integers";
            case 'b' -> "booleans";
            case 'c' -> "complex numbers";
            case 'f' -> "floating-point numbers of " + descr.substring(2) + " bytes";
            case 'U', 'S' -> "strings";
            case 'O' -> "Python objects";
            default -> "values of an unknown kind";
        } : "values of an unknown kind";
        throw new IllegalArgumentException("Cannot read " + source + ": it holds dtype '" + descr + "' (" + kind
            + "), but only float64 ('<f8') and float32 ('<f4') arrays can be loaded.");
    }

    private static long elementCount(long[] shape, String source) {
        long count = 1;
        try {
            for (long d : shape) {
                count = Math.multiplyExact(count, d);
            }
        } catch (ArithmeticException e) {
            count = Long.MAX_VALUE;
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Cannot read " + source + ": its shape " + Arrays.toString(shape)
                + " has more elements than a Java array can hold.");
        }
        return count;
    }

    private static String headerText(byte[] bytes) {
        int length = bytes.length >= 10 ? Short.toUnsignedInt(ByteBuffer.wrap(bytes, 8, 2)
            .order(ByteOrder.LITTLE_ENDIAN).getShort()) : 0;
        return quote(new String(bytes, 10, Math.min(length, Math.max(0, bytes.length - 10)),
            StandardCharsets.ISO_8859_1).strip());
    }

    private static String quote(String text) {
        return "\"" + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + "\"";
    }
}
