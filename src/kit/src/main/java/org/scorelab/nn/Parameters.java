package org.scorelab.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.autograd.Tensor;

/**
 * Saves and loads parameters as NumPy {@code .npz} archives in PyTorch's {@code state_dict} layout, so that a
 * network trained here loads into the same {@code torch.nn.Sequential} and back:
 *
 * <pre>{@code
 * Parameters.save(net, Path.of("energy.npz"));
 * // Python: net.load_state_dict({k: torch.from_numpy(v) for k, v in np.load("energy.npz").items()})
 * // Python: np.savez("energy.npz", **{k: v.numpy() for k, v in net.state_dict().items()})
 * Parameters.load(net, Path.of("energy.npz"));
 * }</pre>
 *
 * <p>Arrays are written as float64 in C order; float64 and float32 arrays are read (float32 is widened to double).
 * Files are written atomically: a crash leaves the old file or the new one, never half of one.
 */
public final class Parameters {
    private Parameters() {
    }

    /**
     * Writes every parameter of {@code module} to {@code file} as an {@code .npz} archive with one entry
     * {@code name + ".npy"} per {@link Module#namedParameters() named parameter} ("0.weight.npy", "0.bias.npy", ...).
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void save(Module module, Path file) {
        Objects.requireNonNull(module, "module must not be null");
        Objects.requireNonNull(file, "file must not be null");
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        module.namedParameters().forEach((name, p) -> arrays.put(name, Npy.encode(p.value())));
        writeAtomically(file, Npz.write(arrays));
    }

    /**
     * Copies the arrays of the {@code .npz} archive {@code file} into the parameters of {@code module}, in place,
     * so that optimizers holding the parameter tensors keep working. The archive must hold exactly the module's
     * parameter names, each with the parameter's shape; nothing is copied unless all of them match.
     *
     * @throws IllegalArgumentException if the file is not an {@code .npz} archive of float64 or float32 arrays,
     *     or its names or shapes do not match the module's parameters
     * @throws UncheckedIOException if the file cannot be read
     */
    public static void load(Module module, Path file) {
        Objects.requireNonNull(module, "module must not be null");
        Objects.requireNonNull(file, "file must not be null");
        Map<String, Tensor> parameters = module.namedParameters();
        Map<String, byte[]> arrays = Npz.read(file);
        checkNames(parameters, arrays, file);
        Map<String, INDArray> values = new LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            INDArray value = Npy.decode(arrays.get(name), "entry " + name + ".npy of " + file);
            if (!Arrays.equals(value.shape(), p.shape())) {
                throw new IllegalArgumentException("Cannot load " + file + " into the module: parameter " + name
                    + " has shape " + Arrays.toString(value.shape()) + " in the file, but the module expects "
                    + Arrays.toString(p.shape()) + ".");
            }
            values.put(name, value);
        });
        values.forEach((name, value) -> parameters.get(name).value().assign(value));
    }

    /**
     * Writes one array to a NumPy {@code .npy} file (float64, C order), for {@code np.load} in Python.
     *
     * @throws IllegalArgumentException if {@code array} does not hold floating-point numbers
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void saveArray(INDArray array, Path file) {
        Objects.requireNonNull(array, "array must not be null");
        Objects.requireNonNull(file, "file must not be null");
        writeAtomically(file, Npy.encode(array));
    }

    /**
     * Reads a NumPy {@code .npy} file of float64 or float32 numbers, as written by {@code np.save}.
     *
     * @return a C-ordered double array of the file's shape
     * @throws IllegalArgumentException if the file is not a {@code .npy} array of floating-point numbers
     * @throws UncheckedIOException if the file cannot be read
     */
    public static INDArray loadArray(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        try {
            return Npy.decode(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + Npz.reason(e) + ".", e);
        }
    }

    private static void checkNames(Map<String, Tensor> parameters, Map<String, byte[]> arrays, Path file) {
        List<String> missing = new ArrayList<>(parameters.keySet());
        missing.removeAll(arrays.keySet());
        List<String> unexpected = new ArrayList<>(arrays.keySet());
        unexpected.removeAll(parameters.keySet());
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("it is missing the parameters " + missing);
        }
        if (!unexpected.isEmpty()) {
            problems.add("it has unexpected entries " + unexpected);
        }
        throw new IllegalArgumentException("Cannot load " + file + " into the module: " + String.join(" and ", problems)
            + "; the module's parameters are " + parameters.keySet() + ".");
    }

    /**
     * Writes {@code bytes} to a temporary file beside {@code file}, flushes it to disk, then renames it over
     * {@code file}, so that readers (and a crash) see either the old contents or the new, never a partial file.
     */
    private static void writeAtomically(Path file, byte[] bytes) {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("Cannot write " + file + ": it is a directory.");
        }
        if (!Files.isDirectory(target.getParent())) {
            throw new UncheckedIOException("Cannot write " + file + ": its directory " + target.getParent()
                + " does not exist.", new NoSuchFileException(target.getParent().toString()));
        }
        Path temp = target.resolveSibling("." + target.getFileName() + "."
            + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The write already failed; that is the error worth reporting.
            }
            throw new UncheckedIOException("Cannot write " + file + ": " + Npz.reason(e) + ".", e);
        }
    }
}
