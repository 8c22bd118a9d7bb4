/**
 * Reports: per submission a JSON report (machine), an HTML report (human) and Gradescope's results.json; per class a
 * summary of points per task. Every file is written atomically.
 */
package org.scorelab.grading.report;
