/**
 * The student's hand-in: one command zips the task files of the template into {@code submission.zip}. Not part of the
 * API a task may use (the grader's static check refuses it in a submission).
 */
package org.scorelab.handin;
