package org.scorelab.grading.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scorelab.grading.compile.FileOutcome;
import org.scorelab.grading.report.SubmissionReport.TestResult;
import org.scorelab.grading.score.Scorecard;
import org.scorelab.grading.score.TaskScore;

/**
 * The human report of a submission, one self-contained HTML page: points per task, compiler errors, each failed
 * check with its message, facts and likely mistake, timings and how to reproduce the run. Every value from the
 * submission (messages, output, file names) is HTML-escaped.
 */
final class HtmlReport {
    private static final String STYLE = """
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#222}
        table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .6rem;text-align:left}
        td.n{text-align:right;font-variant-numeric:tabular-nums}.ok{color:#176f2c}.ko{color:#a4161a}
        pre{background:#f6f6f6;padding:.5rem;overflow-x:auto;white-space:pre-wrap}details{margin:.4rem 0}
        """;

    private HtmlReport() {
    }

    static String render(SubmissionReport r) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .append(e(r.student().name())).append(" - scorelab report</title><style>").append(STYLE)
            .append("</style></head><body>");
        h.append("<h1>").append(e(r.student().name())).append(" <small>(").append(e(r.student().id()))
            .append(")</small></h1><p>Graded ").append(e(r.gradedAt())).append(" with the ").append(e(r.suites()))
            .append(" suites. Total: <b>").append(TextReport.points(r.totals().get("total"))).append("</b>");
        if (!"graded".equals(r.status())) {
            h.append(" <b class=\"ko\">(").append(e(r.status())).append(": not scored)</b>");
        }
        h.append("</p>");
        notSubmitted(h, r);
        tasks(h, r);
        notes(h, "Reading the upload", r.uploadNotes());
        files(h, r);
        tests(h, r);
        if (r.figure() != null) {
            h.append("<h2>Your model beside the exact one</h2><img alt=\"samples and score field of the trained model beside "
                + "the exact mixture's\" style=\"max-width:100%\" src=\"data:image/png;base64,").append(r.figure()).append("\">");
        }
        notes(h, "Running the tests", r.runNotes());
        h.append("<h2>Timings and reproducibility</h2><table>");
        r.timings().forEach((k, v) -> h.append("<tr><td>").append(e(k)).append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%.1f s", v)).append("</td></tr>"));
        r.reproducibility().forEach((k, v) -> h.append("<tr><td>").append(e(k)).append("</td><td>").append(e(v))
            .append("</td></tr>"));
        return h.append("</table></body></html>\n").toString();
    }

    /** The assignments the upload held none of the task files of: no submission there, not a graded zero. */
    private static void notSubmitted(StringBuilder h, SubmissionReport r) {
        if (!"graded".equals(r.status())) {
            return;
        }
        List<String> none = r.totals().keySet().stream().filter(a -> !a.equals("total") && !r.submitted(a)).toList();
        for (String a : none) {
            h.append("<p class=\"ko\"><b>No submission in ").append(e(a)).append("</b>: the upload holds none of its task"
                + " files, so it gets no grade in ").append(e(a)).append(" (not a zero); its checks below ran on the"
                + " template.</p>");
        }
    }

    private static void tasks(StringBuilder h, SubmissionReport r) {
        h.append("<h2>Points per task</h2><table><tr><th>assignment</th><th>task</th><th>points</th><th>checks</th></tr>");
        for (TaskScore t : r.tasks().stream().sorted(Comparator.comparing(
            (TaskScore t) -> t.assignment() + "/" + t.task(), Scorecard::byTask)).toList()) {
            boolean full = t.earned() >= t.max() - 1e-9;
            h.append("<tr><td>").append(e(t.assignment())).append("</td><td>").append(e(t.task()))
                .append("</td><td class=\"n ").append(full ? "ok" : "ko").append("\">")
                .append(String.format(Locale.ROOT, "%.2f / %.2f", t.earned(), t.max())).append("</td><td>")
                .append(t.tests() > 0 ? t.passed() + " of " + t.tests() + " passed" : e(t.comment())).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void files(StringBuilder h, SubmissionReport r) {
        if (r.files().isEmpty()) {
            return;
        }
        h.append("<h2>Files</h2><table><tr><th>file</th><th>graded</th></tr>");
        for (FileOutcome f : r.files()) {
            String what = switch (f.source()) {
                case SUBMITTED -> "yours";
                case MISSING -> f.message().isEmpty() ? "not uploaded: the template's" : "not uploaded: the template's ("
                    + f.message() + ")";
                case DID_NOT_COMPILE -> "does not compile: the template's was used (its tasks score zero)";
                case REFUSED -> "refused: the template's was used (its tasks score zero)";
            };
            h.append("<tr><td>").append(e(f.path())).append("</td><td class=\"")
                .append(f.source() == FileOutcome.Source.SUBMITTED ? "ok" : "ko").append("\">").append(what)
                .append("</td></tr>");
        }
        h.append("</table>");
        for (FileOutcome f : r.problems()) {
            h.append("<h3>").append(e(f.path())).append("</h3><pre>").append(e(f.message())).append("</pre>");
        }
    }

    private static void tests(StringBuilder h, SubmissionReport r) {
        h.append("<h2>Checks</h2>");
        List<TestResult> byTask = r.tests().stream().sorted(Comparator.comparing(
            (TestResult t) -> t.assignment() + "/" + t.task(), Scorecard::byTask)).toList(); // stable: plan order within
        for (TestResult t : byTask) {
            boolean passed = "PASSED".equals(t.status());
            h.append("<details").append(passed ? "" : " open").append("><summary><span class=\"")
                .append(passed ? "ok\">passed" : "ko\">" + e(t.status().toLowerCase(Locale.ROOT).replace('_', ' ')))
                .append("</span> Task ").append(e(t.assignment() + " " + t.task())).append(": ").append(e(t.id()))
                .append(t.hidden() ? " (hidden)" : "").append(String.format(Locale.ROOT, " - %.1f s", t.seconds()))
                .append("</summary>");
            if (!passed) {
                h.append("<pre>").append(e(t.message())).append("</pre>");
                facts(h, t.details());
            }
            if (!t.output().isEmpty()) {
                h.append("<p>Printed:</p><pre>").append(e(t.output())).append("</pre>");
            }
            h.append("</details>");
        }
    }

    private static void facts(StringBuilder h, Map<String, String> details) {
        if (details.isEmpty()) {
            return;
        }
        h.append("<table>");
        for (String k : new String[] {"check", "expected", "found", "tolerance", "likelyMistake"}) {
            if (details.containsKey(k)) {
                h.append("<tr><th>").append(k.equals("likelyMistake") ? "likely mistake" : k).append("</th><td>")
                    .append(e(details.get(k))).append("</td></tr>");
            }
        }
        h.append("</table>");
    }

    private static void notes(StringBuilder h, String title, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        h.append("<h2>").append(title).append("</h2><ul>");
        notes.forEach(n -> h.append("<li>").append(e(n)).append("</li>"));
        h.append("</ul>");
    }

    private static String e(String s) {
        return escapeHtml4(s == null ? "" : s);
    }
}
