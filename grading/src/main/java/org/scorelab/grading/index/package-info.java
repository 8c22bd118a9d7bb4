/**
 * The class as a whole, built from every report of a grading plan in an output folder: who is in the class and what
 * each got (graded, no submission, not graded), summary.csv, and index.html with its figure, for the instructor.
 * {@link org.scorelab.grading.index.ClassList} and {@link org.scorelab.grading.index.ClassIndex} are the front.
 */
package org.scorelab.grading.index;
