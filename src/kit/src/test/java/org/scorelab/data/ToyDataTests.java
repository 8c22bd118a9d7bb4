package org.scorelab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.scorelab.data.SampleChecks.Z;
import static org.scorelab.data.SampleChecks.assertCount;
import static org.scorelab.data.SampleChecks.assertMean;
import static org.scorelab.data.SampleChecks.assertWithinZ;
import static org.scorelab.data.SampleChecks.mean;
import static org.scorelab.data.SampleChecks.message;

import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scorelab.random.Rng;

/**
 * The toy data sets against their laws. Every statistical check compares a sample statistic with a closed form; the
 * threshold and its false-failure rate stand next to it. A z-check ({@link SampleChecks}) allows 5.33 standard
 * errors: a normal statistic falls further out with probability 9.8e-8.
 */
class ToyDataTests {
    @Nested
    class Contract {
        @Test
        void theIdsAreTheAssignmentsNames() {
            assertThat(Arrays.stream(ToyData.values()).map(ToyData::id))
                .containsExactly("swiss-roll", "gaussians", "rings", "moons", "circles", "checkerboard", "2spirals");
        }

        @ParameterizedTest
        @EnumSource(ToyData.class)
        void byIdFindsEveryDataSetByItsId(ToyData data) {
            assertThat(ToyData.byId(data.id())).isSameAs(data);
        }

        @Test
        void byIdRejectsAnUnknownIdListingTheValidOnes() {
            assertThatThrownBy(() -> ToyData.byId("spiral"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no toy data set with id 'spiral'; the valid ids are swiss-roll, gaussians, rings,"
                    + " moons, circles, checkerboard, 2spirals.");
        }

        @ParameterizedTest
        @EnumSource(ToyData.class)
        void samplesAreFiniteDoublesOfShapeNBy2(ToyData data) {
            Rng rng = new Rng(3);
            for (int n : new int[] {1, 2, 3, 4, 5, 7, 1001}) {
                INDArray x = data.sample(n, rng);
                assertThat(x.shape()).as("%s, n = %d", data, n).containsExactly(n, 2);
                assertThat(x.dataType()).isEqualTo(DataType.DOUBLE);
                assertThat(Arrays.stream(x.data().asDouble()).allMatch(Double::isFinite)).as("%s, n = %d: finite", data, n)
                    .isTrue();
            }
        }

        @ParameterizedTest
        @EnumSource(ToyData.class)
        void theSameSeedGivesTheSamePointsAndAnotherSeedOthers(ToyData data) {
            assertThat(data.sample(50, new Rng(7))).isEqualTo(data.sample(50, new Rng(7)));
            assertThat(data.sample(50, new Rng(7))).isNotEqualTo(data.sample(50, new Rng(8)));
        }

        @ParameterizedTest
        @EnumSource(ToyData.class)
        void sampleRejectsFewerThanOnePoint(ToyData data) {
            assertThatThrownBy(() -> data.sample(0, new Rng(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sampling " + data.id() + ": the number of points n must be at least 1, got 0.");
            assertThatThrownBy(() -> data.sample(-5, new Rng(1))).hasMessageContaining("n must be at least 1");
        }
    }

    @Nested
    class FailureMessages {
        @Test
        void aZCheckSaysTaskExpectedFoundToleranceAndLikelyMistake() {
            assertThatThrownBy(() -> assertWithinZ("rings E[x]", 0.5, 0, 0.01, "the noise should have mean 0."))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(String.format("[rings E[x]:%n  expected 0.00000 +- 0.0533, found 0.500000.%n"
                    + "  Likely mistake: the noise should have mean 0.]"));
        }
    }

    @Nested
    class SwissRoll {
        @Test
        void momentsMatchTheClosedForms() {
            // t ~ U[a, b], a = 1.5 pi, b = 4.5 pi: E[t cos t] = [t sin t + cos t]_a^b / (b - a) = 6 pi / 3 pi = 2,
            // E[t sin t] = [sin t - t cos t]_a^b / (b - a) = 2 / (3 pi), E[t^2] = (a^2 + a b + b^2) / 3 = 9.75 pi^2;
            // the noise adds 1 + 1 to E[|p|^2] before the division by 5.
            SamplePoints p = SamplePoints.of(ToyData.SWISS_ROLL, 200_000, 101);
            String scaleOrNoise = "check the division by 5 and the N(0, 1) noise on each coordinate.";
            assertMean("swiss-roll E[x]", p.x, 2.0 / 5, "t should be 1.5 pi (1 + 2U); " + scaleOrNoise);
            assertMean("swiss-roll E[y]", p.y, 2 / (3 * Math.PI) / 5, "t should be 1.5 pi (1 + 2U); " + scaleOrNoise);
            assertMean("swiss-roll E[x^2 + y^2]", p.squaredRadii(), (9.75 * Math.PI * Math.PI + 2) / 25, scaleOrNoise);
        }
    }

    @Nested
    class Gaussians {
        @Test
        void eachCentreGetsAnEighthOfThePoints() {
            // The law is invariant under a rotation by 45 degrees, and so are the cells of the nearest centre: each
            // cell holds exactly 1/8 of the mass, noise included. Counts are Binomial(n, 1/8); eight z-checks.
            SamplePoints p = SamplePoints.of(ToyData.GAUSSIANS, 200_000, 102);
            int[] counts = new int[8];
            for (int i = 0; i < p.n; i++) {
                counts[Math.floorMod((int) Math.round(Math.atan2(p.y[i], p.x[i]) / (Math.PI / 4)), 8)]++;
            }
            for (int k = 0; k < 8; k++) {
                assertCount("gaussians, points nearest the centre at " + 45 * k + " degrees", counts[k], p.n, 1.0 / 8,
                    "the component should be uniform on the 8 centres 4 (cos k pi/4, sin k pi/4).");
            }
        }

        @Test
        void meanAndSpreadMatchCentresOfRadius4AndStd05BeforeTheDivision() {
            // E[x] = 0; E|x|^2 = (|c|^2 + 2 * 0.5^2) / 1.414^2 = 16.5 / 1.414^2: the spread around the centres is the
            // excess over |c|^2, which pins the component std 0.5 / 1.414.
            SamplePoints p = SamplePoints.of(ToyData.GAUSSIANS, 200_000, 103);
            assertMean("gaussians E[x]", p.x, 0, "the centres should be symmetric about the origin.");
            assertMean("gaussians E[y]", p.y, 0, "the centres should be symmetric about the origin.");
            assertMean("gaussians E[x^2 + y^2]", p.squaredRadii(), 16.5 / (1.414 * 1.414),
                "centres 4 (cos, sin), noise 0.5 N(0, I), the whole point divided by 1.414.");
        }
    }

    @Nested
    class Rings {
        static final double[] RADII = {3, 2.25, 1.5, 0.75};

        @Test
        void theThreeOuterRingsGetAQuarterEachAndTheInnerOneTheRest() {
            // Before the noise the counts are exactly 1000, 1000, 1000, 1003. A point changes rings only if its noise
            // carries it 0.375 = 4.7 std across the midway radius: probability 2.1e-6 per point (Rice tails), and each
            // such point moves two counts by 1. So the counts stay within 2 unless 3 or more points cross: with n =
            // 4003 that is Binomial(4003, 2.1e-6) >= 3, false-failure rate 1.0e-7.
            SamplePoints p = SamplePoints.of(ToyData.RINGS, 4003, 104);
            int[] counts = new int[4];
            for (double r : p.radii()) {
                counts[nearestRing(r)]++;
            }
            int[] expected = {1000, 1000, 1000, 1003};
            for (int k = 0; k < 4; k++) {
                assertThat(counts[k])
                    .as(message("rings, points nearest radius " + RADII[k], expected[k], counts[k], 2,
                        "floor(n/4) points on each of the radii 3, 2.25, 1.5, the rest on 0.75."))
                    .isCloseTo(expected[k], within(2));
            }
        }

        @Test
        void eightPointsSitAtAngles0AndPiOnEachRing() {
            // n = 8: two points per ring at angles 0 and pi (linspace without its endpoint). With noise 0.08 a point
            // leaves the cone |y| < |x| or swaps order with a point of another ring only beyond 6.6 std: all
            // checks together fail falsely with probability below 1e-9.
            SamplePoints p = SamplePoints.of(ToyData.RINGS, 8, 105);
            Integer[] byRadius = p.rowsByRadius();
            for (int k = 0; k < 4; k++) {
                int a = byRadius[2 * k];
                int b = byRadius[2 * k + 1];
                String ring = "rings, n = 8, the two points of radius " + RADII[k];
                assertThat(Math.abs(p.y[a]) < Math.abs(p.x[a]) && Math.abs(p.y[b]) < Math.abs(p.x[b]))
                    .as("%s should lie near the x axis, found (%.3f, %.3f) and (%.3f, %.3f). Likely mistake: angles"
                        + " should be 2 pi j / count, from 0.", ring, p.x[a], p.y[a], p.x[b], p.y[b])
                    .isTrue();
                assertThat(p.x[a] * p.x[b])
                    .as("%s should be on opposite sides, found x = %.3f and %.3f. Likely mistake: linspace(0, 2 pi,"
                        + " count) must exclude its endpoint.", ring, p.x[a], p.x[b])
                    .isNegative();
            }
        }

        @Test
        void theRowsAreShuffled() {
            // Among the first 1000 of 4000 rows, the number on the outer ring is hypergeometric: mean 250, std
            // sqrt(1000 * 1/4 * 3/4 * 3000 / 3999) = 11.86; the z-check fails falsely with probability 1e-7.
            SamplePoints p = SamplePoints.of(ToyData.RINGS, 4000, 106);
            int outer = 0;
            for (int i = 0; i < 1000; i++) {
                outer += nearestRing(Math.hypot(p.x[i], p.y[i])) == 0 ? 1 : 0;
            }
            double std = Math.sqrt(1000 * 0.25 * 0.75 * 3000 / 3999);
            assertThat((double) outer)
                .as(message("rings, outer-ring points among the first quarter of the rows", 250, outer, Z * std,
                    "the rows should be shuffled with the generator before the noise."))
                .isCloseTo(250, within(Z * std));
        }

        @Test
        void theNoiseHasStd008() {
            // For a point on a ring of radius R with N(0, s^2 I) noise e: r^2 - R^2 = 2 R e_r + |e|^2, so
            // E[(r^2 - R^2)^2 / (4 R^2)] = s^2 + 2 s^4 / R^2 (E e_r^2 = s^2, E e_r |e|^2 = 0, E|e|^4 = 8 s^4).
            // Misassigned rings (0.2 expected points here) move the mean by under 2e-6, 1% of the tolerance.
            SamplePoints p = SamplePoints.of(ToyData.RINGS, 100_000, 107);
            double s2 = 0.08 * 0.08;
            double[] h = new double[p.n];
            double expected = 0;
            double[] r = p.radii();
            for (int i = 0; i < p.n; i++) {
                double ring = RADII[nearestRing(r[i])];
                double excess = r[i] * r[i] - ring * ring;
                h[i] = excess * excess / (4 * ring * ring);
                expected += (s2 + 2 * s2 * s2 / (ring * ring)) / p.n;
            }
            assertMean("rings E[(r^2 - R^2)^2 / (4 R^2)]", h, expected,
                "the noise should be N(0, 0.08^2) on each coordinate, added after the points are on the rings.");
        }

        private static int nearestRing(double r) {
            return r > 2.625 ? 0 : r > 1.875 ? 1 : r > 1.125 ? 2 : 3;
        }
    }

    @Nested
    class Circles {
        @Test
        void halfThePointsAreNearerTheOuterCircle() {
            // Before the noise exactly 5000 of 10000 points have radius 3. The count beyond the midway radius 2.25
            // differs from 5000 by at most the number M of points the noise carries across it; a point crosses with
            // probability 1.1e-3 (inner) or 7.6e-4 (outer) (Rice tails, noise 0.24), so M ~ Binomial(10000, 9.3e-4)
            // at most, and P(M >= 30) = 5.8e-8 is the false-failure rate.
            SamplePoints p = SamplePoints.of(ToyData.CIRCLES, 10_000, 108);
            long outer = Arrays.stream(p.radii()).filter(r -> r > 2.25).count();
            assertThat(outer)
                .as(message("circles, points beyond radius 2.25", 5000, outer, 29,
                    "floor(n/2) points on radius 3, the rest on radius 1.5."))
                .isCloseTo(5000L, within(29L));
        }

        @Test
        void meanSquaredRadiusIsThatOfRadii3And15WithNoise024() {
            // Half the points on each circle: E r^2 = (9 + 2.25) / 2 + 2 s^2 with s = 0.24. The angles and counts are
            // fixed, so only the noise varies: Var(r^2) = 4 R^2 s^2 + 4 s^4 per point, averaged over the two radii.
            SamplePoints p = SamplePoints.of(ToyData.CIRCLES, 100_000, 109);
            double s2 = 0.24 * 0.24;
            double standardError = Math.sqrt((4 * 5.625 * s2 + 4 * s2 * s2) / p.n);
            assertWithinZ("circles E[x^2 + y^2]", mean(p.squaredRadii()), 5.625 + 2 * s2, standardError,
                "radii 3 and 1.5 (make_circles times 3) and noise std 0.24 (0.08 times 3).");
        }

        @Test
        void fourPointsSitAtAngles0AndPi() {
            // n = 4: on each circle one point at angle 0 and one at pi (linspace without its endpoint), so two points
            // have x > 0. A point changes side only beyond 1.5 / 0.24 = 6.25 std: 20 draws fail falsely with
            // probability 2e-8. Random angles pass a draw with probability 3/8, all 20 with probability 3e-9.
            Rng rng = new Rng(110);
            for (int draw = 0; draw < 20; draw++) {
                SamplePoints p = new SamplePoints(ToyData.CIRCLES.sample(4, rng));
                long right = Arrays.stream(p.x).filter(x -> x > 0).count();
                assertThat(right)
                    .as("circles, n = 4, draw %d: expected 2 points with x > 0, found %d in x = %s. Likely mistake:"
                        + " the angles should be 2 pi j / count, from 0, without the endpoint.", draw, right,
                        Arrays.toString(p.x))
                    .isEqualTo(2);
            }
        }
    }

    @Nested
    class Moons {
        @Test
        void momentsMatchTheClosedForms() {
            // Over t uniform on [0, pi]: E cos = 0, E sin = 2/pi, E cos^2 = E sin^2 = 1/2, E sin cos = 0. With half
            // the points (cos, sin) and half (1 - cos, 0.5 - sin), plus N(0, 0.1^2) noise, mapped by 2 p + (-1, -0.2):
            // E X = 0, E Y = 0.3, E X^2 = 3 + 4 (0.01), E Y^2 = 2.38 - 4/pi, E XY = 0.5 - 4/pi. The t grid has fixed
            // points, so only the noise (std 0.2 after the map) varies: Var(X^2) = 4 X0^2 v + 2 v^2 per point, and so
            // on, estimated with X for X0 (which overstates it by 4 v^2). The grid's sums differ from the integrals by
            // at most 4 / n = 2e-5, 2% of a standard error.
            SamplePoints p = SamplePoints.of(ToyData.MOONS, 200_000, 111);
            double v = 0.2 * 0.2;
            double[] xx = new double[p.n];
            double[] yy = new double[p.n];
            double[] xy = new double[p.n];
            double varXx = 0;
            double varYy = 0;
            double varXy = 0;
            for (int i = 0; i < p.n; i++) {
                xx[i] = p.x[i] * p.x[i];
                yy[i] = p.y[i] * p.y[i];
                xy[i] = p.x[i] * p.y[i];
                varXx += (4 * xx[i] * v + 2 * v * v) / p.n;
                varYy += (4 * yy[i] * v + 2 * v * v) / p.n;
                varXy += ((xx[i] + yy[i]) * v + v * v) / p.n;
            }
            String mistake = "make_moons with noise 0.1, then times 2 plus (-1, -0.2).";
            assertWithinZ("moons E[X]", mean(p.x), 0, Math.sqrt(v / p.n), mistake);
            assertWithinZ("moons E[Y]", mean(p.y), 0.3, Math.sqrt(v / p.n), "the inner moon is 1 - sin t - 0.5; " + mistake);
            assertWithinZ("moons E[X^2]", mean(xx), 3.04, Math.sqrt(varXx / p.n), mistake);
            assertWithinZ("moons E[Y^2]", mean(yy), 2.38 - 4 / Math.PI, Math.sqrt(varYy / p.n), mistake);
            assertWithinZ("moons E[XY]", mean(xy), 0.5 - 4 / Math.PI, Math.sqrt(varXy / p.n), mistake);
        }
    }

    @Nested
    class Checkerboard {
        @Test
        void everyPointLiesInABlackSquare() {
            SamplePoints p = SamplePoints.of(ToyData.CHECKERBOARD, 200_000, 112);
            for (int i = 0; i < p.n; i++) {
                boolean inBox = p.x[i] >= -4 && p.x[i] < 4 && p.y[i] >= -4 && p.y[i] < 4;
                boolean black = Math.floorMod(square(p.x[i]) + square(p.y[i]), 2) == 0;
                assertThat(inBox && black)
                    .as("checkerboard point %d = (%.4f, %.4f) should lie in [-4, 4)^2 in a square whose column and row"
                        + " have an even sum. Likely mistake: floor(x1) mod 2 must be the floor mod (Math.floorMod).",
                        i, p.x[i], p.y[i])
                    .isTrue();
            }
        }

        @Test
        void theBlackSquaresGetAnEighthEachAndAreFilledUniformly() {
            // Counts per square are Binomial(n, 1/8): eight z-checks (points outside the box count nowhere). Within a square the offsets x mod 2 and y mod 2
            // are uniform on [0, 2): mean 1, std 2 / sqrt 12; two z-checks.
            SamplePoints p = SamplePoints.of(ToyData.CHECKERBOARD, 200_000, 113);
            int[][] counts = new int[4][4];
            double[] offsetX = new double[p.n];
            double[] offsetY = new double[p.n];
            for (int i = 0; i < p.n; i++) {
                int c = square(p.x[i]) + 2;
                int r = square(p.y[i]) + 2;
                if (c >= 0 && c < 4 && r >= 0 && r < 4) {
                    counts[c][r]++;
                }
                offsetX[i] = p.x[i] - 2 * square(p.x[i]);
                offsetY[i] = p.y[i] - 2 * square(p.y[i]);
            }
            for (int column = -2; column < 2; column++) {
                for (int row = -2; row < 2; row++) {
                    if (Math.floorMod(column + row, 2) == 0) {
                        assertCount("checkerboard, points in square (" + column + ", " + row + ")",
                            counts[column + 2][row + 2], p.n, 1.0 / 8, "x1 = 4U - 2, and x2 picks one of the two black"
                                + " squares of its column with probability 1/2.");
                    }
                }
            }
            double std = 2 / Math.sqrt(12);
            assertWithinZ("checkerboard E[x mod 2]", mean(offsetX), 1, std / Math.sqrt(p.n), "x1 should be 4U - 2.");
            assertWithinZ("checkerboard E[y mod 2]", mean(offsetY), 1, std / Math.sqrt(p.n), "x2 should be U - 2B + ...");
        }

        /** The index of the 2-wide column (or row) that holds coordinate {@code v}. */
        private static int square(double v) {
            return (int) Math.floor(v / 2);
        }
    }

    @Nested
    class TwoSpirals {
        @Test
        void armTwoMirrorsArmOneUpToNoiseOfStd01() {
            // Row j + m is -(row j) before the noise, so their sum is the difference of two N(0, 0.1^2 I) draws:
            // N(0, 0.02 I). Mean 0 per coordinate (SE sqrt(0.02 / m)) and E[(u^2 + v^2) / 2] = 0.02 with per-pair
            // std 0.02 (a chi-squared with 2 degrees of freedom times 0.01).
            SamplePoints p = SamplePoints.of(ToyData.TWO_SPIRALS, 200_000, 114);
            int m = p.n / 2;
            double[] u = new double[m];
            double[] v = new double[m];
            double[] power = new double[m];
            for (int j = 0; j < m; j++) {
                u[j] = p.x[j] + p.x[j + m];
                v[j] = p.y[j] + p.y[j + m];
                power[j] = (u[j] * u[j] + v[j] * v[j]) / 2;
            }
            String mistake = "arm two should be -d / 3 of arm one's d / 3, then N(0, 0.1^2) noise on every coordinate.";
            assertWithinZ("2spirals, mean of x_j + x_(j+m)", mean(u), 0, Math.sqrt(0.02 / m), mistake);
            assertWithinZ("2spirals, mean of y_j + y_(j+m)", mean(v), 0, Math.sqrt(0.02 / m), mistake);
            assertWithinZ("2spirals, E[(sum_x^2 + sum_y^2) / 2]", mean(power), 0.02, 0.02 / Math.sqrt(m), mistake);
        }

        @Test
        void meanSquaredRadiusMatchesTheClosedForm() {
            // s = 3 pi sqrt(U) has density 2 s / (9 pi^2) on [0, 3 pi]: E s^2 = 9 pi^2 / 2, E[s sin s] = 2 (9 pi^2 -
            // 4) / (9 pi^2), E[s cos s] = -4 / (3 pi). |d|^2 = s^2 + s (-cos s U' + sin s U'') + 0.25 (U'^2 + U''^2),
            // so E|d|^2 = 9 pi^2 / 2 + 1 - 4 / (9 pi^2) + 2 / (3 pi) + 1/6; then r^2 = |d|^2 / 9 + noise, + 0.02.
            // Mirror rows share |d|, so the standard error comes from the m pair means, which are independent.
            SamplePoints p = SamplePoints.of(ToyData.TWO_SPIRALS, 200_000, 115);
            int m = p.n / 2;
            double[] r2 = p.squaredRadii();
            double[] pairs = new double[m];
            for (int j = 0; j < m; j++) {
                pairs[j] = (r2[j] + r2[j + m]) / 2;
            }
            double pi2 = Math.PI * Math.PI;
            double expected = (4.5 * pi2 + 1 - 4 / (9 * pi2) + 2 / (3 * Math.PI) + 1.0 / 6) / 9 + 0.02;
            assertMean("2spirals E[x^2 + y^2]", pairs, expected, "s = 3 pi sqrt(U), d = (-s cos s + 0.5U', s sin s"
                + " + 0.5U''), divided by 3, noise 0.1.");
        }

        @Test
        void everyPointLiesWithinTheSpiralsReach() {
            // Before the noise |d| / 3 <= (3 pi + 0.5 sqrt 2) / 3. The noise norm exceeds 0.8 with probability
            // exp(-0.8^2 / 0.02) = 1.3e-14 per point: 2.5e-9 for the 200,000 points.
            SamplePoints p = SamplePoints.of(ToyData.TWO_SPIRALS, 200_000, 116);
            double reach = (3 * Math.PI + 0.5 * Math.sqrt(2)) / 3 + 0.8;
            assertThat(Arrays.stream(p.radii()).max().orElseThrow())
                .as("2spirals: every radius should be below %.3f. Likely mistake: the division by 3.", reach)
                .isLessThan(reach);
        }
    }
}
