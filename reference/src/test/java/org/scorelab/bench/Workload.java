package org.scorelab.bench;

/**
 * One row of the speed table: a step of the reference's work, timed as {@link SpeedTable} times every row.
 *
 * @param name the row's name, the same in pytorch_speed.py (e.g. {@code dsm_step_b1000})
 * @param steps how many steps one timed repeat runs
 * @param warmUp how many steps run before the first repeat
 * @param step one step; it draws its own batch, as the reference's training loop does
 */
public record Workload(String name, int steps, int warmUp, Runnable step) {
}
