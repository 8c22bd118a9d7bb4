/** Seeded randomness: every random function of the kit takes an explicit {@link org.scorelab.random.Rng}. */
package org.scorelab.random;
