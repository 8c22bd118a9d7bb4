/**
 * Compiling a submission with {@code javax.tools} against the kit, one assignment at a time: a file that does not
 * compile is replaced by the template's, so it costs only the tasks that live in it.
 */
package org.scorelab.grading.compile;
