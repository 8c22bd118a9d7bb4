package org.scorelab.grading.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scorelab.grading.report.SubmissionReport.TestResult;

/**
 * The checks most students failed, with what they were told: over the students graded in a check's assignment, how
 * many did not pass it (failed, error, timed out, not run), and its messages, the most common first.
 *
 * @param task the check's task
 * @param id the check, e.g. {@code dsm.AnalyticScoreTests.scoreVanishesAtTheModes}
 * @param hidden whether it is a hidden check
 * @param failed the students who did not pass it
 * @param ran the students graded in its assignment
 * @param messages each distinct message and how many students got it, the most common first
 */
record FailedChecks(Task task, String id, boolean hidden, int failed, int ran, List<Message> messages) {
    /** A message and the number of students who got it. */
    record Message(String text, int students) {
    }

    /** The {@code limit} checks failed by the most students (then by the sheets' order); checks nobody failed are left out. */
    static List<FailedChecks> of(ClassList list, int limit) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Member m : list.members()) {
            for (String assignment : list.assignments()) {
                if (!m.graded(assignment)) {
                    continue;
                }
                for (TestResult t : m.report().tests()) {
                    if (t.assignment().equals(assignment)) {
                        tallies.computeIfAbsent(t.id(), k -> new Tally(t)).add(t);
                    }
                }
            }
        }
        return tallies.values().stream().filter(t -> t.failed > 0).map(Tally::checks)
            .sorted(Comparator.comparingInt(FailedChecks::failed).reversed()
                .thenComparing(FailedChecks::task, Task.SHEET_ORDER))
            .limit(limit).toList();
    }

    private static final class Tally {
        private final TestResult first;
        private final Map<String, Integer> messages = new LinkedHashMap<>();
        private int failed;
        private int ran;

        Tally(TestResult first) {
            this.first = first;
        }

        void add(TestResult t) {
            ran++;
            if (!"PASSED".equals(t.status())) {
                failed++;
                messages.merge(t.message().isBlank() ? t.status().toLowerCase(java.util.Locale.ROOT) : t.message(), 1,
                    Integer::sum);
            }
        }

        FailedChecks checks() {
            List<Message> m = new ArrayList<>();
            messages.forEach((text, n) -> m.add(new Message(text, n)));
            m.sort(Comparator.comparingInt(Message::students).reversed());
            return new FailedChecks(new Task(first.assignment(), first.task()), first.id(), first.hidden(), failed, ran, m);
        }
    }
}
