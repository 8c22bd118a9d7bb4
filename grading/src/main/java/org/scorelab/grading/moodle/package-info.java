/**
 * Moodle's files for a graded class, per assignment: the grading worksheet (the downloaded one filled in, byte for
 * byte elsewhere, or one written from the folder names), the feedback files zip, and the gradebook CSV where a roster
 * makes it safe. {@link org.scorelab.grading.moodle.MoodleExport} is the front; docs/moodle.md the teacher's guide.
 */
package org.scorelab.grading.moodle;
