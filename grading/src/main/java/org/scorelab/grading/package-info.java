/**
 * The grader: reads a submission (a folder or a zip of the student's template files), compiles it against the kit,
 * runs the public and hidden suites in a separate JVM with limits, scores the outcomes with a rubric and writes the
 * reports. {@link org.scorelab.grading.Grader} is the library's front; {@code cli.Main} the command line's.
 */
package org.scorelab.grading;
