package org.scorelab.grading.index;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.scorelab.grading.report.ReportFiles;
import org.scorelab.grading.report.SubmissionReport.Points;
import org.scorelab.grading.score.TaskScore;

/**
 * The class index, one self-contained HTML page: every student with their standing and points per task (a sortable
 * table, each name linking to the student's report.html), the points-per-task figure, the checks most students
 * failed with their messages, and the pairs the similarity check flagged. Every value from a submission or a file is
 * HTML-escaped.
 */
final class IndexPage {
    /**
     * What the page shows.
     *
     * @param list the class
     * @param heading what was graded, with which plan, when
     * @param figure the figure's file name, beside the page
     * @param tasks each task's distribution, in the sheets' order
     * @param failed the checks most students failed
     * @param flagged the similarity check's flagged pairs, if it ran
     * @param flaggedProblem why similarity.csv could not be read, or null
     */
    record Content(ClassList list, String heading, String figure, List<TaskDistribution> tasks,
                   List<FailedChecks> failed, Optional<FlaggedPairs> flagged, String flaggedProblem) {
    }

    private static final String STYLE = """
        body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:110rem}
        table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
        th{background:#f2f2f2;white-space:nowrap}table.sortable th{cursor:pointer}
        th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
        td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.nw{white-space:nowrap}
        .ok{color:#176f2c}.part{color:#8a5a00}.ko{color:#a4161a}.ns{color:#777;font-style:italic}
        .wide{overflow-x:auto}small{color:#555}
        pre{background:#f6f6f6;padding:.4rem;white-space:pre-wrap;overflow-wrap:anywhere;margin:.2rem 0;max-width:60rem}
        img{max-width:100%;border:1px solid #ddd}
        """;

    /*
     * Sorts the students' table by the column whose heading is clicked, again to reverse. Hand-written and inline, not
     * a library: the index must work offline, opened from a file:// URL with no network or CDN, and sorting one table
     * takes a dozen lines. A cell's data-sort value, when present, is what it sorts by (points; -1 for no submission).
     */
    private static final String SORT = """
        document.querySelectorAll('table.sortable').forEach(table => {
          const headings = table.tHead.rows[0].cells;
          Array.from(headings).forEach((th, col) => th.addEventListener('click', () => {
            const ascending = th.getAttribute('aria-sort') !== 'ascending';
            Array.from(headings).forEach(h => h.removeAttribute('aria-sort'));
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            const key = row => row.cells[col].dataset.sort ?? row.cells[col].textContent.trim();
            const rows = Array.from(table.tBodies[0].rows).sort((a, b) => {
              const x = key(a), y = key(b), nx = Number(x), ny = Number(y);
              const c = x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
              return ascending ? c : -c;
            });
            rows.forEach(row => table.tBodies[0].appendChild(row));
          }));
        });
        """;

    private IndexPage() {
    }

    static String render(Content c) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Class index - scorelab</title><style>").append(STYLE).append("</style></head><body>")
            .append("<h1>Class index</h1><p>").append(e(c.heading())).append("</p>");
        counts(h, c.list());
        h.append("<p><a href=\"#students\">Students</a> &middot; <a href=\"#tasks\">Points per task</a> &middot; "
            + "<a href=\"#failed\">Checks most students failed</a> &middot; <a href=\"#similarity\">Similarity</a></p>");
        students(h, c.list());
        h.append("<h2 id=\"tasks\">Points per task</h2><p>Per task, the students who submitted its assignment by their"
            + " points, and the students who submitted nothing of it; summary.csv holds the same numbers.</p>")
            .append("<img alt=\"students per task with full, some and no points, and without a submission\" src=\"")
            .append(e(c.figure())).append("\">");
        failed(h, c.failed());
        similarity(h, c);
        return h.append("<script>").append(SORT).append("</script></body></html>\n").toString();
    }

    private static void counts(StringBuilder h, ClassList list) {
        h.append("<p><b>").append(list.members().size()).append(" students</b>: ")
            .append(list.count(Standing.GRADED)).append(" graded, ").append(list.count(Standing.NO_SUBMISSION))
            .append(" no submission (no grade in Moodle, not a zero)");
        long notGraded = list.count(Standing.NOT_GRADED) + list.count(Standing.GRADER_ERROR);
        if (notGraded > 0) {
            h.append(", <span class=\"ko\">").append(notGraded).append(" not graded</span> (not-graded.csv: the same"
                + " grading command grades them)");
        }
        h.append(".</p>");
    }

    private static void students(StringBuilder h, ClassList list) {
        List<Task> tasks = list.tasks();
        h.append("<h2 id=\"students\">Students</h2><p>Click a column's heading to sort by it. A name links to the"
            + " student's report.</p><div class=\"wide\"><table class=\"sortable\" id=\"students-table\"><thead><tr>"
            + "<th>student</th><th>id</th><th>status</th>");
        for (String a : list.assignments()) {
            tasks.stream().filter(t -> t.assignment().equals(a)).forEach(t -> h.append("<th>").append(e(t.label()))
                .append("</th>"));
            h.append("<th>").append(e(a)).append("</th>");
        }
        h.append("<th>total</th></tr></thead><tbody>");
        list.members().stream().sorted(java.util.Comparator.comparing((Member m) -> m.student().name().toLowerCase(
            Locale.ROOT))).forEach(m -> row(h, m, list.assignments(), tasks));
        h.append("</tbody></table></div>");
    }

    private static void row(StringBuilder h, Member m, List<String> assignments, List<Task> tasks) {
        h.append("<tr><td class=\"nw\">");
        if (m.report() != null) {
            h.append("<a href=\"").append(e(m.student().fileKey() + "/" + ReportFiles.HTML)).append("\">")
                .append(e(m.student().name())).append("</a>");
        } else {
            h.append(e(m.student().name()));
        }
        String describe = m.describe();
        int colon = describe.indexOf(": ");
        h.append("</td><td>").append(e(m.student().id())).append("</td><td class=\"nw ")
            .append(switch (m.standing()) {
                case GRADED -> "ok";
                case NO_SUBMISSION -> "ns";
                default -> "ko";
            }).append("\">").append(e(colon < 0 ? describe : describe.substring(0, colon)));
        if (colon >= 0) {
            h.append("<br><small>").append(e(describe.substring(colon + 2))).append("</small>");
        }
        h.append("</td>");
        for (String a : assignments) {
            for (Task t : tasks.stream().filter(t -> t.assignment().equals(a)).toList()) {
                Optional<TaskScore> score = m.graded(a) ? m.report().tasks().stream()
                    .filter(s -> s.assignment().equals(a) && s.task().equals(t.task())).findFirst() : Optional.empty();
                if (score.isPresent()) {
                    points(h, score.get().earned(), score.get().max(), false);
                } else {
                    missing(h, m, a, "&ndash;");
                }
            }
            Optional<Points> total = m.points(a);
            if (total.isPresent()) {
                points(h, total.get().earned(), total.get().max(), true);
            } else {
                missing(h, m, a, "no submission");
            }
        }
        Points total = m.standing() == Standing.GRADED ? m.report().totals().get("total") : null;
        if (total != null) {
            points(h, total.earned(), total.max(), true);
        } else {
            missing(h, m, null, "&ndash;");
        }
        h.append("</tr>");
    }

    private static void points(StringBuilder h, double earned, double max, boolean withMax) {
        String kind = earned >= max - 1e-9 ? "ok" : earned <= 1e-9 ? "ko" : "part";
        h.append("<td class=\"n ").append(kind).append("\" data-sort=\"").append(String.format(Locale.ROOT, "%.4f", earned))
            .append("\">").append(String.format(Locale.ROOT, "%.2f", earned));
        if (withMax) {
            h.append(String.format(Locale.ROOT, " / %.2f", max));
        }
        h.append("</td>");
    }

    /**
     * A cell without points: no submission in the assignment (sorted below zero) showing {@code text}, an HTML
     * fragment, or nothing for a student not graded (sorted below that).
     */
    private static void missing(StringBuilder h, Member m, String assignment, String text) {
        if (m.counted()) {
            h.append("<td class=\"n ns\" data-sort=\"-1\" title=\"no submission").append(assignment == null ? ""
                : " in " + e(assignment)).append("\">").append(text).append("</td>");
        } else {
            h.append("<td class=\"n ns\" data-sort=\"-2\" title=\"").append(e(m.standing().label())).append("\"></td>");
        }
    }

    private static void failed(StringBuilder h, List<FailedChecks> checks) {
        h.append("<h2 id=\"failed\">Checks most students failed</h2>");
        if (checks.isEmpty()) {
            h.append("<p>Every graded student passed every check.</p>");
            return;
        }
        h.append("<p>Among the students graded in the check's assignment; a check that errors, times out or does not run"
            + " counts as failed.</p><table id=\"failed-table\"><thead><tr><th>task</th><th>check</th><th>failed by</th>"
            + "<th>messages, the most common first</th></tr></thead><tbody>");
        for (FailedChecks c : checks) {
            h.append("<tr><td class=\"nw\">").append(e(c.task().label())).append("</td><td>").append(e(c.id()))
                .append(c.hidden() ? " <small>(hidden)</small>" : "").append("</td><td class=\"n\">").append(c.failed())
                .append(" of ").append(c.ran()).append("</td><td>");
            c.messages().stream().limit(3).forEach(msg -> h.append("<small>").append(msg.students())
                .append(msg.students() == 1 ? " student" : " students").append(":</small><pre>")
                .append(e(clip(msg.text()))).append("</pre>"));
            if (c.messages().size() > 3) {
                h.append("<small>and ").append(c.messages().size() - 3).append(" other message(s)</small>");
            }
            h.append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static void similarity(StringBuilder h, Content c) {
        h.append("<h2 id=\"similarity\">Similarity: flagged pairs</h2>");
        if (c.flaggedProblem() != null) {
            h.append("<p class=\"ko\">").append(e(c.flaggedProblem())).append("</p>");
            return;
        }
        if (c.flagged().isEmpty()) {
            h.append("<p>No similarity check has run on this class (<code>class ... --similarity</code>, or"
                + " <code>merge ... --similarity</code>: docs/similarity.md).</p>");
            return;
        }
        FlaggedPairs f = c.flagged().get();
        h.append("<p>The pairs at or above the threshold of the similarity check written ").append(f.written())
            .append(" (similarity.csv; JPlag's report: similarity-&lt;assignment&gt;.zip). For the instructor's review:"
                + " a flag is a reason to read two submissions, never a verdict, and it changes no grade.</p>");
        if (f.pairs().isEmpty()) {
            h.append("<p>No pair was flagged.</p>");
            return;
        }
        h.append("<table id=\"similarity-table\"><thead><tr><th>assignment</th><th>similarity</th><th>student</th>"
            + "<th>student</th><th>files matched</th></tr></thead><tbody>");
        for (FlaggedPairs.Pair p : f.pairs()) {
            h.append("<tr><td>").append(e(p.assignment())).append("</td><td class=\"n\">").append(e(p.similarity()))
                .append("</td><td class=\"nw\">");
            student(h, c.list(), p.studentA(), p.idA(), "class");
            h.append("</td><td class=\"nw\">");
            student(h, c.list(), p.studentB(), p.idB(), p.sourceB());
            h.append("</td><td><small>").append(e(p.files())).append("</small></td></tr>");
        }
        h.append("</tbody></table>");
    }

    /** A student of a pair: a link to their report when they are of this class and graded. */
    private static void student(StringBuilder h, ClassList list, String name, String id, String source) {
        Optional<Member> m = "class".equals(source) ? list.members().stream().filter(x -> x.report() != null
            && x.student().id().equals(id) && x.student().name().equals(name)).findFirst() : Optional.empty();
        if (m.isPresent()) {
            h.append("<a href=\"").append(e(m.get().student().fileKey() + "/" + ReportFiles.HTML)).append("\">")
                .append(e(name)).append("</a>");
        } else {
            h.append(e(name));
        }
        h.append(" <small>(").append(e(id)).append("class".equals(source) ? "" : ", " + e(source)).append(")</small>");
    }

    private static String clip(String text) {
        return text.length() <= 1200 ? text : text.substring(0, 1200) + " ...";
    }

    private static String e(String s) {
        return escapeHtml4(s == null ? "" : s);
    }
}
