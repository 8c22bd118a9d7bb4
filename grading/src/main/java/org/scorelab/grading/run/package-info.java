/**
 * Running the suites against a compiled submission in a separate JVM with limits (heap, time per test and per
 * submission, output), restarting it after a hang or a crash, and reading results back over a signed channel.
 */
package org.scorelab.grading.run;
