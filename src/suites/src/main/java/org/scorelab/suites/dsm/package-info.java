/**
 * The public graded checks of the {@code dsm} assignment, one class per task, and the independent truths they
 * compare against (closed forms, finite differences, sampling distributions), never the reference's code.
 */
package org.scorelab.suites.dsm;
