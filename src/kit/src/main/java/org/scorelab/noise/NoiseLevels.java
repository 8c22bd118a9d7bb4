package org.scorelab.noise;

/** Noise levels sigma_1 < sigma_2 < ... < sigma_L, the smallest first, as the dsm sheet orders them. */
public final class NoiseLevels {
    static {
        org.scorelab.autograd.Precision.useDouble();
    }

    private NoiseLevels() {
    }

    /**
     * L levels spaced geometrically from sigma_1 to sigma_L: sigma_i = sigma_1 (sigma_L / sigma_1)^((i-1)/(L-1)),
     * i.e. a constant ratio between neighbours (Song and Ermon 2019, Sec. 4.2).
     *
     * @return the levels in increasing order; {@code levels[0] = sigma1}, {@code levels[L-1] = sigmaL}
     */
    public static double[] geometric(double sigma1, double sigmaL, int count) {
        if (!(sigma1 > 0) || !(sigmaL > sigma1) || Double.isInfinite(sigmaL)) {
            throw new IllegalArgumentException("geometric noise levels need 0 < sigma_1 < sigma_L < infinity, got sigma_1 = "
                + sigma1 + ", sigma_L = " + sigmaL);
        }
        if (count < 2) {
            throw new IllegalArgumentException("geometric noise levels need at least 2 levels, got L = " + count);
        }
        double[] levels = new double[count];
        double logStep = Math.log(sigmaL / sigma1) / (count - 1);
        for (int i = 0; i < count; i++) {
            levels[i] = sigma1 * Math.exp(logStep * i);
        }
        levels[count - 1] = sigmaL;
        return levels;
    }
}
