/**
 * Reading uploads: folders, zips (nested, with hostile entries), non-UTF-8 sources, and the folder names an LMS
 * writes; the result is the student's files matched to the template's, with a note for everything set aside.
 */
package org.scorelab.grading.intake;
