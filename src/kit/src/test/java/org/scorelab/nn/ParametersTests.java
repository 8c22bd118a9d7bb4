package org.scorelab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.scorelab.nn.NumpyFiles.deflatedZip;
import static org.scorelab.nn.NumpyFiles.doubles;
import static org.scorelab.nn.NumpyFiles.npy;
import static org.scorelab.nn.NumpyFiles.pythonShape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.autograd.Autograd;
import org.scorelab.autograd.Tensor;
import org.scorelab.random.Rng;

/**
 * Parameters saved as NumPy {@code .npz} in PyTorch's state_dict layout. The fixtures under
 * {@code src/test/resources/nn} were written by real PyTorch; regenerate them with
 * {@code python3 src/kit/src/test/resources/nn/make_torch_mlp_fixture.py} (these tests only read them).
 */
class ParametersTests {
    @TempDir
    Path dir;

    static Sequential torchShapedMlp(long seed) {
        return Mlp.input(3).hidden(8, 8).activation(Activation.ELU).output(1).build(new Rng(seed));
    }

    static double[] values(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    static Path fixture(String name) {
        try {
            return Path.of(ParametersTests.class.getResource("/nn/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test fixture /nn/" + name + " is missing", e);
        }
    }

    @Nested
    class RoundTrip {
        @Test
        void savedParametersLoadIntoADifferentlySeededNetwork() {
            Sequential trained = torchShapedMlp(1);
            Sequential fresh = torchShapedMlp(2);
            Tensor x = Tensor.constant(new Rng(7).normal(5, 3));
            assertThat(values(fresh.forward(x).value())).isNotEqualTo(values(trained.forward(x).value()));

            Path file = dir.resolve("mlp.npz");
            Parameters.save(trained, file);
            Parameters.load(fresh, file);

            trained.namedParameters().forEach((name, p) ->
                assertThat(values(fresh.namedParameters().get(name).value())).as(name).containsExactly(values(p.value())));
            assertThat(values(fresh.forward(x).value())).containsExactly(values(trained.forward(x).value()));
        }

        @Test
        void loadCopiesIntoTheParameterArraysOptimizersHold() {
            Sequential net = torchShapedMlp(2);
            List<Tensor> before = net.parameters();
            List<INDArray> arrays = before.stream().map(Tensor::value).toList();
            Path file = dir.resolve("mlp.npz");
            Parameters.save(torchShapedMlp(1), file);

            Parameters.load(net, file);

            assertThat(net.parameters()).containsExactlyElementsOf(before);
            for (int i = 0; i < arrays.size(); i++) {
                assertThat(net.parameters().get(i).value()).isSameAs(arrays.get(i));
            }
            assertThat(values(arrays.get(0))).containsExactly(values(torchShapedMlp(1).parameters().get(0).value()));
        }

        @Test
        void savingReplacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
            Path file = dir.resolve("mlp.npz");
            Files.writeString(file, "an older file");
            Parameters.save(torchShapedMlp(1), file);

            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.toList()).containsExactly(file);
            }
            Sequential net = torchShapedMlp(2);
            Parameters.load(net, file);
            assertThat(values(net.parameters().get(5).value()))
                .containsExactly(values(torchShapedMlp(1).parameters().get(5).value()));
        }

        @Test
        void aCompressedArchiveAsSavezCompressedWritesLoadsToo() throws IOException {
            Sequential source = torchShapedMlp(1);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            source.namedParameters().forEach((name, p) -> entries.put(name + ".npy",
                npy("<f8", false, pythonShape(p.shape()), doubles(ByteOrder.LITTLE_ENDIAN, values(p.value())))));
            Path file = dir.resolve("compressed.npz");
            Files.write(file, deflatedZip(entries));

            Sequential net = torchShapedMlp(2);
            Parameters.load(net, file);
            assertThat(values(net.parameters().get(2).value())).containsExactly(values(source.parameters().get(2).value()));
        }
    }

    @Nested
    class TorchFixture {
        @Test
        void torchStateDictGivesTorchsOutputAndInputGradient() {
            Sequential net = torchShapedMlp(1);
            Parameters.load(net, fixture("torch_mlp.npz"));
            Map<String, INDArray> io = readNpz(fixture("torch_mlp_io.npz"));

            Tensor x = Tensor.variable(io.get("x"));
            Tensor out = net.forward(x);
            Tensor gradX = Autograd.grad(out.sum(), x, false);

            assertThat(out.shape()).containsExactly(6, 1);
            assertThat(values(out.value())).containsExactly(values(io.get("output")), within(1e-12));
            assertThat(gradX.shape()).containsExactly(6, 3);
            assertThat(values(gradX.value())).containsExactly(values(io.get("grad_x")), within(1e-12));
        }

        @Test
        void float32StateDictIsWidenedToDoubleExactly() throws IOException {
            assertThat(headerOfFirstEntry(fixture("torch_mlp_f32.npz"))).contains("'descr': '<f4'");
            Sequential net = torchShapedMlp(1);
            Parameters.load(net, fixture("torch_mlp_f32.npz"));
            Map<String, INDArray> float64 = readNpz(fixture("torch_mlp.npz"));

            net.namedParameters().forEach((name, p) -> {
                double[] rounded = values(float64.get(name));
                for (int i = 0; i < rounded.length; i++) {
                    rounded[i] = (float) rounded[i];
                }
                assertThat(values(p.value())).as(name).containsExactly(rounded);
            });
        }

        private static Map<String, INDArray> readNpz(Path file) {
            Map<String, INDArray> arrays = new LinkedHashMap<>();
            Npz.read(file).forEach((name, bytes) -> arrays.put(name, Npy.decode(bytes, name)));
            return arrays;
        }

        private static String headerOfFirstEntry(Path file) throws IOException {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                zip.getNextEntry();
                return new String(zip.readNBytes(128), StandardCharsets.ISO_8859_1);
            }
        }
    }

    /** The bytes numpy.load expects, checked without the kit's own reader (CI has no Python). */
    @Nested
    class FileFormat {
        private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '<f8', 'fortran_order': False, 'shape': (\\([0-9, ]*\\)), \\} *\n");

        @Test
        void theArchiveHasOneStoredNpyEntryPerParameterInStateDictOrder() throws IOException {
            Path file = dir.resolve("mlp.npz");
            Parameters.save(torchShapedMlp(1), file);

            List<String> names = new ArrayList<>();
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    names.add(e.getName());
                    assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED);
                }
            }
            assertThat(names).containsExactly("0.weight.npy", "0.bias.npy", "2.weight.npy", "2.bias.npy",
                "4.weight.npy", "4.bias.npy");
        }

        @Test
        void everyEntryIsAVersion1Float64COrderNpyOfTheParameter() throws IOException {
            Sequential net = torchShapedMlp(1);
            Path file = dir.resolve("mlp.npz");
            Parameters.save(net, file);

            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    entries.put(e.getName().replace(".npy", ""), zip.readAllBytes());
                }
            }
            net.namedParameters().forEach((name, p) -> assertIsNpyOf(entries.get(name), p.value(), name));
        }

        @Test
        void saveArrayWritesTheElementsOfAViewNotOfItsBuffer() throws IOException {
            INDArray a = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
            Map<String, INDArray> views = new LinkedHashMap<>();
            views.put("transpose", a.transpose());
            views.put("row", a.getRow(1));
            views.put("column", a.getColumn(1));
            views.put("f-order", a.dup('f'));
            views.put("float32", a.castTo(DataType.FLOAT));
            views.put("scalar", Nd4j.scalar(2.5));
            for (Map.Entry<String, INDArray> view : views.entrySet()) {
                Path file = dir.resolve(view.getKey() + ".npy");
                Parameters.saveArray(view.getValue(), file);
                assertIsNpyOf(Files.readAllBytes(file), view.getValue(), view.getKey());
            }
        }

        private static void assertIsNpyOf(byte[] npy, INDArray expected, String name) {
            assertThat(Arrays.copyOf(npy, 8)).as(name + ": magic and version 1.0")
                .containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
            int headerLength = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
            assertThat((10 + headerLength) % 64).as(name + ": data aligned to 64 bytes").isZero();
            String header = new String(npy, 10, headerLength, StandardCharsets.ISO_8859_1);
            Matcher m = HEADER.matcher(header);
            assertThat(m.matches()).as(name + ": header " + header).isTrue();
            assertThat(m.group(1)).as(name + ": shape").isEqualTo(pythonShape(expected.shape()));
            ByteBuffer data = ByteBuffer.wrap(npy, 10 + headerLength, npy.length - 10 - headerLength)
                .order(ByteOrder.LITTLE_ENDIAN);
            double[] found = new double[data.remaining() / 8];
            data.asDoubleBuffer().get(found);
            assertThat(found).as(name + ": values in C order")
                .containsExactly(values(expected.castTo(DataType.DOUBLE)));
        }
    }

    @Nested
    class SingleArrays {
        @Test
        void saveArrayThenLoadArrayGivesTheSameArray() {
            INDArray a = new Rng(3).normal(4, 2, 3);
            Path file = dir.resolve("a.npy");
            Parameters.saveArray(a, file);
            INDArray back = Parameters.loadArray(file);
            assertThat(back.shape()).containsExactly(4, 2, 3);
            assertThat(back.dataType()).isEqualTo(DataType.DOUBLE);
            assertThat(values(back)).containsExactly(values(a));
        }

        @Test
        void loadArrayReadsFortranOrder() throws IOException {
            Path file = dir.resolve("f.npy");
            Files.write(file, npy("<f8", true, "(2, 3)", doubles(ByteOrder.LITTLE_ENDIAN, 1, 4, 2, 5, 3, 6)));
            INDArray a = Parameters.loadArray(file);
            assertThat(a.shape()).containsExactly(2, 3);
            assertThat(values(a)).containsExactly(1, 2, 3, 4, 5, 6);
        }

        @Test
        void loadArrayWidensFloat32AndReadsBigEndian() throws IOException {
            Path f4 = dir.resolve("f4.npy");
            ByteBuffer floats = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.1f).putFloat(-2f);
            Files.write(f4, npy("<f4", false, "(2,)", floats.array()));
            assertThat(values(Parameters.loadArray(f4))).containsExactly(0.1f, -2.0);

            Path big = dir.resolve("big.npy");
            Files.write(big, npy(">f8", false, "(1, 2)", doubles(ByteOrder.BIG_ENDIAN, 0.25, -7)));
            assertThat(values(Parameters.loadArray(big))).containsExactly(0.25, -7);
        }
    }

    @Nested
    class Errors {
        @Test
        void missingParametersAreNamed() {
            Path file = dir.resolve("small.npz");
            Parameters.save(Mlp.input(3).hidden(8).output(1).build(new Rng(1)), file);
            assertThatThrownBy(() -> Parameters.load(torchShapedMlp(1), file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot load " + file + " into the module: it is missing the parameters [4.weight, 4.bias]; "
                    + "the module's parameters are [0.weight, 0.bias, 2.weight, 2.bias, 4.weight, 4.bias].");
        }

        @Test
        void unexpectedEntriesAreNamed() {
            Path file = dir.resolve("big.npz");
            Parameters.save(torchShapedMlp(1), file);
            assertThatThrownBy(() -> Parameters.load(Mlp.input(3).hidden(8).output(8).build(new Rng(1)), file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("it has unexpected entries [4.weight, 4.bias]");
        }

        @Test
        void aShapeMismatchNamesTheKeyAndBothShapesAndCopiesNothing() {
            Path file = dir.resolve("two-outputs.npz");
            Parameters.save(Mlp.input(3).hidden(8, 8).output(2).build(new Rng(1)), file);
            Sequential net = torchShapedMlp(2);
            double[] before = values(net.parameters().get(0).value());

            assertThatThrownBy(() -> Parameters.load(net, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot load " + file + " into the module: parameter 4.weight has shape [2, 8] in the file, "
                    + "but the module expects [1, 8].");
            assertThat(values(net.parameters().get(0).value())).as("0.weight, which did match").containsExactly(before);
        }

        @Test
        void aTruncatedArchiveIsNotAZipFile() throws IOException {
            Path file = dir.resolve("mlp.npz");
            Parameters.save(torchShapedMlp(1), file);
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> Parameters.load(torchShapedMlp(1), file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot read " + file + ": it is not a valid zip archive as numpy.savez writes")
                .hasMessageEndingWith("it may be truncated or of another format.");
        }

        @Test
        void garbageIsNeitherAZipNorANpyFile() throws IOException {
            Path file = dir.resolve("garbage");
            Files.write(file, "this is not numpy data at all".getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(() -> Parameters.load(torchShapedMlp(1), file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid zip archive");
            assertThatThrownBy(() -> Parameters.loadArray(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read " + file + ": it does not start with the magic string \\x93NUMPY, "
                    + "so it is not a NumPy .npy array.");
        }

        @Test
        void anEntryThatIsNotAnNpyArrayIsNamed() throws IOException {
            Sequential net = Mlp.input(3).output(1).build(new Rng(1));
            byte[] bias = npy("<f8", false, "(1,)", doubles(ByteOrder.LITTLE_ENDIAN, 0.5));
            Path file = dir.resolve("bad-entry.npz");
            Files.write(file, deflatedZip(Map.of("0.weight.npy", "not numpy".getBytes(StandardCharsets.US_ASCII),
                "0.bias.npy", bias)));
            assertThatThrownBy(() -> Parameters.load(net, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read entry 0.weight.npy of " + file + ": it does not start with the magic string "
                    + "\\x93NUMPY, so it is not a NumPy .npy array.");

            Files.write(file, deflatedZip(Map.of("0.bias.npy", bias, "README.txt", new byte[0])));
            assertThatThrownBy(() -> Parameters.load(net, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read " + file + ": its entry README.txt is not a .npy array, so the file is not "
                    + "an .npz archive of arrays.");
        }

        @Test
        void anIntegerArrayIsRejected() throws IOException {
            Path file = dir.resolve("ints.npy");
            Files.write(file, npy("<i8", false, "(2,)", new byte[16]));
            assertThatThrownBy(() -> Parameters.loadArray(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read " + file + ": it holds dtype '<i8' (integers), but only float64 ('<f8') and "
                    + "float32 ('<f4') arrays can be loaded.");
        }

        @Test
        void truncatedNpyDataIsReported() throws IOException {
            Path file = dir.resolve("short.npy");
            Files.write(file, npy("<f8", false, "(2, 3)", doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3)));
            assertThatThrownBy(() -> Parameters.loadArray(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read " + file + ": its shape [2, 3] needs 48 data bytes, but the file has 24; "
                    + "it is truncated or corrupt.");
        }

        @Test
        void aMissingFileIsAnIoError() {
            Path file = dir.resolve("nowhere.npz");
            String message = "Cannot read " + file + ": there is no such file or directory (" + file + ").";
            assertThatThrownBy(() -> Parameters.load(torchShapedMlp(1), file))
                .isInstanceOf(UncheckedIOException.class).hasMessage(message);
            assertThatThrownBy(() -> Parameters.loadArray(file))
                .isInstanceOf(UncheckedIOException.class).hasMessage(message);
        }

        @Test
        void savingIntoAMissingDirectoryIsAnIoError() {
            Path file = dir.resolve("no-such-dir").resolve("mlp.npz");
            assertThatThrownBy(() -> Parameters.save(torchShapedMlp(1), file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("Cannot write " + file + ": its directory " + file.getParent() + " does not exist.");
        }

        @Test
        void saveArrayRejectsIntegers() {
            assertThatThrownBy(() -> Parameters.saveArray(Nd4j.createFromArray(1, 2, 3), dir.resolve("i.npy")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds INT; cast it to double first");
        }
    }
}
