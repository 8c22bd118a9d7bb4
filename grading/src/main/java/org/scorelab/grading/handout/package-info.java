/**
 * The student handout: the template, the kit and the public suites as a Maven project of its own, with a student
 * README, written as a folder and a zip; never the reference, the hidden suites, the rubric or the grader.
 */
package org.scorelab.grading.handout;
