package org.scorelab.suites.ebm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact law of unadjusted Langevin dynamics on the Gaussian N(m, v I), per coordinate: with u = x - m,
 * u_{k+1} = a u_k + sqrt(tau) z_k and a = 1 - tau / (2 v). From a start N(m_0, s_0^2) after K steps:
 * mean = m + a^K (m_0 - m), variance = a^(2K) s_0^2 + tau (1 - a^(2K)) / (1 - a^2).
 * As K grows the variance tends to v / (1 - tau / (4 v)), not v: the discretisation bias of the unadjusted chain.
 *
 * <p>The same recursion with a different drift factor, noise variance or step count gives the laws of common
 * mistakes, so a wrong sample can be explained, not only rejected.
 */
record UnadjustedLangevinLaw(double mean, double variance) {

    static UnadjustedLangevinLaw of(double a, double noiseVariance, int steps, double m, double v, double m0, double s0) {
        double ak = Math.pow(a, steps);
        double stationary = Math.abs(1 - a * a) < 1e-15 ? noiseVariance * steps : noiseVariance * (1 - ak * ak) / (1 - a * a);
        return new UnadjustedLangevinLaw(m + ak * (m0 - m), ak * ak * s0 * s0 + stationary);
    }

    /** One noise vector drawn before the loop and reused: u_K = a^K u_0 + sqrt(tau) z (1 + a + ... + a^(K-1)). */
    static UnadjustedLangevinLaw noiseDrawnOnce(double a, double tau, int steps, double m, double m0, double s0) {
        double ak = Math.pow(a, steps);
        double sum = (1 - ak) / (1 - a);
        return new UnadjustedLangevinLaw(m + ak * (m0 - m), ak * ak * s0 * s0 + tau * sum * sum);
    }

    /** The right law and those of the usual slips, keyed by the slip's description ("right" for the right one). */
    static Map<String, UnadjustedLangevinLaw> candidates(double tau, int steps, double m, double v, double m0, double s0) {
        Map<String, UnadjustedLangevinLaw> laws = new LinkedHashMap<>();
        laws.put("right", of(1 - tau / (2 * v), tau, steps, m, v, m0, s0));
        laws.put("the drift misses the factor 1/2: the step is x + (tau/2) s(x) + sqrt(tau) z",
            of(1 - tau / v, tau, steps, m, v, m0, s0));
        laws.put("the noise is sqrt(2 tau) z; with the drift (tau/2) s(x) it must be sqrt(tau) z",
            of(1 - tau / (2 * v), 2 * tau, steps, m, v, m0, s0));
        laws.put("the noise is tau z; it must be sqrt(tau) z", of(1 - tau / (2 * v), tau * tau, steps, m, v, m0, s0));
        laws.put("no noise is added: each step needs + sqrt(tau) z with fresh z ~ N(0, I)", of(1 - tau / (2 * v), 0, steps, m, v, m0, s0));
        laws.put("the chain climbs the energy: the score is MINUS grad f", of(1 + tau / (2 * v), tau, steps, m, v, m0, s0));
        laws.put("x + tau s(x) + sqrt(2 tau) z is the other convention's step; this assignment's is x + (tau/2) s(x) + sqrt(tau) z",
            of(1 - tau / v, 2 * tau, steps, m, v, m0, s0));
        laws.put("the noise is sqrt(tau / 2) z; it must be sqrt(tau) z", of(1 - tau / (2 * v), tau / 2, steps, m, v, m0, s0));
        double a = 1 - tau / (2 * v);
        laws.put("the score is evaluated after adding the noise: compute s(x_k) first, then x_k + (tau/2) s(x_k) + sqrt(tau) z_k",
            of(a, tau * a * a, steps, m, v, m0, s0));
        laws.put("the same noise vector is reused at every step: draw a fresh z ~ N(0, I) inside the loop",
            noiseDrawnOnce(a, tau, steps, m, m0, s0));
        laws.put("one step too many", of(1 - tau / (2 * v), tau, steps + 1, m, v, m0, s0));
        laws.put("one step too few", of(1 - tau / (2 * v), tau, steps - 1, m, v, m0, s0));
        return laws;
    }

    /**
     * The slip whose law the observed mean and variance fit within 3 standard errors, if exactly one does; otherwise
     * (none, or several that this chain cannot tell apart) the generic hint.
     */
    static String diagnose(Map<String, UnadjustedLangevinLaw> laws, double mean, double variance, int count) {
        String generic = "check the update x + (tau/2) s(x) + sqrt(tau) z with fresh noise at every step, and the number of steps";
        String found = null;
        for (Map.Entry<String, UnadjustedLangevinLaw> law : laws.entrySet()) {
            double lawVariance = Math.max(law.getValue().variance, 1e-12); // a noiseless law: no division by rounding error
            double zMean = (mean - law.getValue().mean) / Math.sqrt(lawVariance / count);
            double zVar = (variance - lawVariance) / (lawVariance * Math.sqrt(2.0 / count));
            if (law.getKey().equals("right") || Math.max(Math.abs(zMean), Math.abs(zVar)) > 3) {
                continue;
            }
            if (found != null) {
                return generic;
            }
            found = law.getKey();
        }
        return found == null ? generic : found;
    }
}
