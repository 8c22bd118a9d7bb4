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
        laws.put("one step too many", of(1 - tau / (2 * v), tau, steps + 1, m, v, m0, s0));
        laws.put("one step too few", of(1 - tau / (2 * v), tau, steps - 1, m, v, m0, s0));
        return laws;
    }

    /** The slip whose law is nearest (in standard errors) to the observed mean and variance, or a generic hint. */
    static String diagnose(Map<String, UnadjustedLangevinLaw> laws, double mean, double variance, int count) {
        String best = "check the update x + (tau/2) s(x) + sqrt(tau) z with fresh noise at every step, and the number of steps";
        double bestDistance = 3.0; // explain a sample only by a law it fits within 3 standard errors
        for (Map.Entry<String, UnadjustedLangevinLaw> law : laws.entrySet()) {
            UnadjustedLangevinLaw l = law.getValue();
            double zMean = (mean - l.mean) / Math.sqrt(Math.max(l.variance, 1e-300) / count);
            double zVar = (variance - l.variance) / (l.variance * Math.sqrt(2.0 / count) + 1e-300);
            double distance = Math.max(Math.abs(zMean), Math.abs(zVar));
            if (!law.getKey().equals("right") && distance < bestDistance) {
                bestDistance = distance;
                best = law.getKey();
            }
        }
        return best;
    }
}
