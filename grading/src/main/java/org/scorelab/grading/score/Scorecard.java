package org.scorelab.grading.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scorelab.grading.run.TestOutcome;

/**
 * A submission's points per task and per assignment: the rubric applied to the outcomes, with manual marks merged.
 *
 * @param tasks every task, in assignment then task order
 */
public record Scorecard(List<TaskScore> tasks) {
    public Scorecard {
        tasks = List.copyOf(tasks);
    }

    /** Scores {@code outcomes} with {@code rubric}, and adds {@code manual} marks. */
    public static Scorecard of(List<TestOutcome> outcomes, Rubric rubric, List<ManualPoints.Mark> manual) {
        Map<String, double[]> weights = new TreeMap<>(Scorecard::byTask);
        for (TestOutcome o : outcomes) {
            double[] w = weights.computeIfAbsent(o.test().assignment() + "/" + o.test().task(), k -> new double[4]);
            double weight = rubric.weight(o.test());
            w[0] += o.passed() ? weight : 0;
            w[1] += weight;
            w[2] += o.passed() ? 1 : 0;
            w[3] += 1;
        }
        List<TaskScore> tasks = new ArrayList<>();
        weights.forEach((key, w) -> {
            String[] at = key.split("/");
            double max = rubric.taskPoints(at[0], at[1]).orElse(w[1]);
            double earned = w[1] == 0 ? 0 : max * w[0] / w[1];
            tasks.add(new TaskScore(at[0], at[1], earned, max, (int) w[2], (int) w[3], ""));
        });
        Map<String, ManualPoints.Mark> marks = new LinkedHashMap<>();
        manual.forEach(m -> marks.put(m.assignment() + "/" + m.task(), m));
        for (String key : rubric.namedTasks()) {
            if (!weights.containsKey(key)) {
                String[] at = key.split("/");
                double max = rubric.taskPoints(at[0], at[1]).orElseThrow();
                ManualPoints.Mark m = marks.remove(key);
                tasks.add(m == null
                    ? new TaskScore(at[0], at[1], 0, max, 0, 0, "graded by hand: no mark entered yet")
                    : new TaskScore(at[0], at[1], Math.min(max, m.points()), max, 0, 0, m.comment()));
            }
        }
        marks.forEach((key, m) -> tasks.add(new TaskScore(m.assignment(), m.task(), m.points(), m.points(), 0, 0,
            m.comment() + " (task not in the rubric; counted at its own value)")));
        tasks.sort(Comparator.comparing((TaskScore t) -> t.assignment() + "/" + t.task(), Scorecard::byTask));
        return new Scorecard(tasks);
    }

    /** Points earned in an assignment. */
    public double earned(String assignment) {
        return tasks.stream().filter(t -> t.assignment().equals(assignment)).mapToDouble(TaskScore::earned).sum();
    }

    /** Points possible in an assignment. */
    public double max(String assignment) {
        return tasks.stream().filter(t -> t.assignment().equals(assignment)).mapToDouble(TaskScore::max).sum();
    }

    public double earned() {
        return tasks.stream().mapToDouble(TaskScore::earned).sum();
    }

    public double max() {
        return tasks.stream().mapToDouble(TaskScore::max).sum();
    }

    public List<String> assignments() {
        return tasks.stream().map(TaskScore::assignment).distinct().toList();
    }

    /**
     * The sheets' order of tasks, keyed "assignment/task": "dsm/3.10" after "dsm/3.9", task numbers compared part by
     * part. The reports, the summary and the class index list tasks in this order.
     */
    public static int byTask(String a, String b) {
        String[] x = a.split("[/.]");
        String[] y = b.split("[/.]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
