/** Summaries of samples and scores for reports: per-mode statistics, learned-versus-analytic score errors. */
package org.scorelab.diagnostics;
