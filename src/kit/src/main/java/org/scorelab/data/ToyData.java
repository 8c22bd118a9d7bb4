package org.scorelab.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorelab.random.Rng;

/**
 * The 2D toy data sets of the {@code ebm} assignment: the generators of FFJORD's {@code lib/toy_data.py} (Grathwohl
 * et al. 2019, github.com/rtqichen/ffjord) with the same constants. U, U', U'' below are independent Uniform[0, 1)
 * numbers and N(0, s^2) is Gaussian noise, all drawn from the kit's {@link Rng} one double at a time (ND4J's generator
 * is never used), so the same seed gives the same points on every machine.
 *
 * <p>Not every set is n independent draws: rings, circles and moons put fixed numbers of points on fixed angle grids
 * before the noise, as the originals do, and two spirals returns mirror pairs. Draw minibatches with {@link Rng#rows}.
 */
public enum ToyData implements PointDistribution {
    /**
     * Swiss roll: t = 1.5 pi (1 + 2U), so t in [1.5 pi, 4.5 pi); the point is ((t cos t + e1) / 5, (t sin t + e2) / 5)
     * with e ~ N(0, I). This is scikit-learn's {@code make_swiss_roll(noise = 1.0)}, columns x and z, divided by 5:
     * radius 0.94 to 2.83, noise std 0.2.
     */
    SWISS_ROLL("swiss-roll") {
        @Override
        void fill(double[] xy, Rng rng) {
            for (int i = 0; i < xy.length / 2; i++) {
                double t = 1.5 * Math.PI * (1 + 2 * rng.nextDouble());
                xy[2 * i] = (t * Math.cos(t) + rng.nextGaussian()) / 5;
                xy[2 * i + 1] = (t * Math.sin(t) + rng.nextGaussian()) / 5;
            }
        }
    },

    /**
     * Eight Gaussians: the centre c_k = 4 (cos(k pi / 4), sin(k pi / 4)) with k uniform on {0, ..., 7}; the point is
     * (c_k + 0.5 z) / 1.414 with z ~ N(0, I): radius about 2.83, per-coordinate std 0.5 / 1.414 = 0.354. (FFJORD's
     * {@code 8gaussians}; it divides by 1.414, not by sqrt 2.)
     */
    GAUSSIANS("gaussians") {
        @Override
        void fill(double[] xy, Rng rng) {
            for (int i = 0; i < xy.length / 2; i++) {
                double angle = rng.nextInt(8) * Math.PI / 4;
                xy[2 * i] = (4 * Math.cos(angle) + 0.5 * rng.nextGaussian()) / 1.414;
                xy[2 * i + 1] = (4 * Math.sin(angle) + 0.5 * rng.nextGaussian()) / 1.414;
            }
        }
    },

    /**
     * Four rings of radii 3, 2.25, 1.5 and 0.75: floor(n / 4) points on each of the three outer rings and the rest
     * on the innermost, at the angles 2 pi j / count, j = 0, ..., count - 1 (numpy's {@code linspace(0, 2 pi, count,
     * endpoint=False)}); the rows are shuffled with the generator, then every coordinate gets N(0, 0.08^2) noise.
     */
    RINGS("rings") {
        @Override
        void fill(double[] xy, Rng rng) {
            int quarter = xy.length / 2 / 4;
            int rest = xy.length / 2 - 3 * quarter;
            onCircles(xy, new double[] {3, 2.25, 1.5, 0.75}, new int[] {quarter, quarter, quarter, rest});
            shuffleRows(xy, rng);
            addNoise(xy, 0.08, rng);
        }
    },

    /**
     * Two moons, scikit-learn's {@code make_moons(noise = 0.1)} times 2 plus (-1, -0.2): floor(n / 2) points
     * (cos t, sin t) on the outer moon and the rest (1 - cos t, 1 - sin t - 0.5) on the inner one, at t = pi j /
     * (count - 1) (numpy's {@code linspace(0, pi, count)}, both ends included; t = 0 when count is 1); the rows are
     * shuffled, every coordinate gets N(0, 0.1^2) noise, then x maps to 2 x + (-1, -0.2). The noise std is therefore
     * 0.2 in the returned units.
     */
    MOONS("moons") {
        @Override
        void fill(double[] xy, Rng rng) {
            int n = xy.length / 2;
            int outer = n / 2;
            for (int i = 0; i < n; i++) {
                boolean inner = i >= outer;
                int count = inner ? n - outer : outer;
                int j = inner ? i - outer : i;
                double t = count == 1 ? 0 : Math.PI * j / (count - 1);
                xy[2 * i] = inner ? 1 - Math.cos(t) : Math.cos(t);
                xy[2 * i + 1] = inner ? 1 - Math.sin(t) - 0.5 : Math.sin(t);
            }
            shuffleRows(xy, rng);
            addNoise(xy, 0.1, rng);
            for (int i = 0; i < n; i++) {
                xy[2 * i] = 2 * xy[2 * i] - 1;
                xy[2 * i + 1] = 2 * xy[2 * i + 1] - 0.2;
            }
        }
    },

    /**
     * Two circles: floor(n / 2) points on the circle of radius 3 and the rest on the one of radius 1.5, at the angles
     * 2 pi j / count (endpoint excluded, the grid of scikit-learn's {@code make_circles}, not random angles); the rows
     * are shuffled, then every coordinate gets N(0, 0.24^2) noise. This is {@code make_circles(factor = 0.5,
     * noise = 0.08)} times 3.
     */
    CIRCLES("circles") {
        @Override
        void fill(double[] xy, Rng rng) {
            int outer = xy.length / 2 / 2;
            onCircles(xy, new double[] {3, 1.5}, new int[] {outer, xy.length / 2 - outer});
            shuffleRows(xy, rng);
            addNoise(xy, 0.24, rng);
        }
    },

    /**
     * Checkerboard: x1 = 4U - 2 and x2 = U' - 2B + (floor(x1) mod 2) with B uniform on {0, 1}; the point is
     * 2 (x1, x2). That is the uniform law on the eight 2-by-2 squares of [-4, 4)^2 whose column floor(x / 2) and row
     * floor(y / 2) have an even sum. (The mod is the floor mod of numpy: floor(x1) = -1 gives 1.)
     */
    CHECKERBOARD("checkerboard") {
        @Override
        void fill(double[] xy, Rng rng) {
            for (int i = 0; i < xy.length / 2; i++) {
                double x1 = 4 * rng.nextDouble() - 2;
                double x2 = rng.nextDouble() - 2 * rng.nextInt(2) + Math.floorMod((int) Math.floor(x1), 2);
                xy[2 * i] = 2 * x1;
                xy[2 * i + 1] = 2 * x2;
            }
        }
    },

    /**
     * Two spirals: s = 3 pi sqrt(U) (540 degrees) and d = (-s cos s + 0.5 U', s sin s + 0.5 U''); arm one is d / 3,
     * arm two its mirror image -d / 3, then every coordinate gets N(0, 0.1^2) noise. As in FFJORD the rows are not
     * shuffled: rows [0, m) hold arm one, m = ceil(n / 2), and row m + j mirrors row j before the noise. (FFJORD
     * returns 2 floor(n / 2) points; for an odd n the last arm-one point has no mirror.)
     */
    TWO_SPIRALS("2spirals") {
        @Override
        void fill(double[] xy, Rng rng) {
            int n = xy.length / 2;
            int m = (n + 1) / 2;
            for (int j = 0; j < m; j++) {
                double s = 3 * Math.PI * Math.sqrt(rng.nextDouble());
                double dx = (-Math.cos(s) * s + 0.5 * rng.nextDouble()) / 3;
                double dy = (Math.sin(s) * s + 0.5 * rng.nextDouble()) / 3;
                xy[2 * j] = dx;
                xy[2 * j + 1] = dy;
                if (m + j < n) {
                    xy[2 * (m + j)] = -dx;
                    xy[2 * (m + j) + 1] = -dy;
                }
            }
            addNoise(xy, 0.1, rng);
        }
    };

    private final String id;

    ToyData(String id) {
        this.id = id;
    }

    /** The name the assignment, its configuration files and FFJORD's plots use, e.g. {@code "2spirals"}. */
    public String id() {
        return id;
    }

    /**
     * @param id one of swiss-roll, gaussians, rings, moons, circles, checkerboard, 2spirals
     * @return the data set with that id
     */
    public static ToyData byId(String id) {
        for (ToyData data : values()) {
            if (data.id.equals(id)) {
                return data;
            }
        }
        String valid = Arrays.stream(values()).map(ToyData::id).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("There is no toy data set with id '" + id + "'; the valid ids are "
            + valid + ".");
    }

    /**
     * @param n the number of points, at least 1
     * @param rng the generator to draw from (the same seed gives the same points)
     * @return the points, shape [n, 2], double precision
     */
    @Override
    public INDArray sample(int n, Rng rng) {
        if (n < 1) {
            throw new IllegalArgumentException("Sampling " + id + ": the number of points n must be at least 1, got "
                + n + ".");
        }
        Objects.requireNonNull(rng, "Sampling " + id + ": the generator rng must not be null.");
        double[] xy = new double[Math.multiplyExact(2, n)];
        fill(xy, rng);
        return Nd4j.create(xy, new long[] {n, 2}, DataType.DOUBLE);
    }

    /** Writes the points row by row into {@code xy}: point i is (xy[2i], xy[2i + 1]). */
    abstract void fill(double[] xy, Rng rng);

    /** counts[c] points on the circle of radius radii[c], at the angles 2 pi j / counts[c] (endpoint excluded). */
    private static void onCircles(double[] xy, double[] radii, int[] counts) {
        int i = 0;
        for (int c = 0; c < radii.length; c++) {
            for (int j = 0; j < counts[c]; j++, i++) {
                double angle = 2 * Math.PI * j / counts[c];
                xy[2 * i] = radii[c] * Math.cos(angle);
                xy[2 * i + 1] = radii[c] * Math.sin(angle);
            }
        }
    }

    /** Puts the rows in a uniformly random order (scikit-learn's {@code shuffle}). */
    private static void shuffleRows(double[] xy, Rng rng) {
        double[] copy = xy.clone();
        int[] order = rng.permutation(xy.length / 2);
        for (int i = 0; i < order.length; i++) {
            xy[2 * i] = copy[2 * order[i]];
            xy[2 * i + 1] = copy[2 * order[i] + 1];
        }
    }

    /** Adds N(0, std^2) to every coordinate. */
    private static void addNoise(double[] xy, double std, Rng rng) {
        for (int k = 0; k < xy.length; k++) {
            xy[k] += std * rng.nextGaussian();
        }
    }
}
