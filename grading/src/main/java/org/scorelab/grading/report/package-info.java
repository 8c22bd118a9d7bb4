/**
 * Reports: per submission a JSON report (machine), an HTML report (human) and Gradescope's results.json, each
 * written atomically. The class's summary and index are built from them in {@code org.scorelab.grading.index}.
 */
package org.scorelab.grading.report;
