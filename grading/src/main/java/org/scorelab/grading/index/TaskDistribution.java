package org.scorelab.grading.index;

import java.util.ArrayList;
import java.util.List;
import org.scorelab.grading.score.TaskScore;

/**
 * How a task went across the class: the students who submitted its assignment by full, some or no points, and the
 * students who did not submit the assignment at all. summary.csv and the index's figure are both drawn from this.
 *
 * @param task the task
 * @param full students with all its points
 * @param some students with some of its points
 * @param none students with none of its points
 * @param noSubmission students of the class who submitted nothing of its assignment (no grade, not a zero)
 * @param earned the points earned, summed over the students who submitted
 * @param max the task's points (0 when no report has the task)
 */
record TaskDistribution(Task task, int full, int some, int none, int noSubmission, double earned, double max) {
    private static final double EPS = 1e-9;

    /** The students who submitted the task's assignment and were graded. */
    int students() {
        return full + some + none;
    }

    int lost() {
        return some + none;
    }

    /** The mean points of the students who submitted, or NaN when none did. */
    double mean() {
        return students() == 0 ? Double.NaN : earned / students();
    }

    /** Each task of {@code list}, in the sheets' order. */
    static List<TaskDistribution> of(ClassList list) {
        List<TaskDistribution> out = new ArrayList<>();
        for (Task task : list.tasks()) {
            int[] n = new int[4];
            double earned = 0;
            double max = 0;
            for (Member m : list.members()) {
                TaskScore score = m.report() == null ? null : m.report().tasks().stream()
                    .filter(t -> t.assignment().equals(task.assignment()) && t.task().equals(task.task()))
                    .findFirst().orElse(null);
                max = score == null ? max : score.max();
                if (m.graded(task.assignment()) && score != null) {
                    earned += score.earned();
                    n[score.earned() >= score.max() - EPS ? 0 : score.earned() <= EPS ? 2 : 1]++;
                } else if (m.counted() && !m.graded(task.assignment())) {
                    n[3]++;
                }
            }
            out.add(new TaskDistribution(task, n[0], n[1], n[2], n[3], earned, max));
        }
        return out;
    }
}
