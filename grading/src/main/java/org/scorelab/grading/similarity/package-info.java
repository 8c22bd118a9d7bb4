/**
 * The similarity check across a class (JPlag 4.3 as a library): per assignment, the students' files as the grader reads
 * them, the template as base code, earlier terms as old submissions; writes JPlag's report and similarity.csv. It
 * changes no grade. {@link org.scorelab.grading.similarity.SimilarityCheck} is the front; docs/similarity.md the guide.
 */
package org.scorelab.grading.similarity;
