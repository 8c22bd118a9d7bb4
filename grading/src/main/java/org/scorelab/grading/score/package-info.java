/**
 * Scoring: the rubric (tests to tasks and points, with partial credit per task), manual points merged from a CSV, and
 * the per-task score card of a submission.
 */
package org.scorelab.grading.score;
