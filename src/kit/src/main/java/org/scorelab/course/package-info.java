/**
 * The course as plug-ins: one {@link org.scorelab.course.AssignmentDescriptor} per assignment, found with
 * {@link java.util.ServiceLoader}, which the grader, the handout, the figures command and the checks read instead of
 * naming an assignment. Not part of the API a submission may use.
 */
package org.scorelab.course;
