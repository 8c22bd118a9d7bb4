/**
 * Fairness to every correct solution (issue 16, item 1): the choices the dsm and ebm sheets leave to students, as a
 * seeded space of draws ({@link org.scorelab.grading.fairness.ChoiceSpace}), each turned into a correct submission
 * ({@link org.scorelab.grading.fairness.CorrectSubmissions}) and graded by the real grader (FairnessDrawsTests).
 */
package org.scorelab.grading.fairness;
