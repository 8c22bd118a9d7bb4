package org.scorelab.grading.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scorelab.grading.report.SubmissionReport.TestResult;
import org.scorelab.grading.score.TaskScore;

/**
 * Gradescope's results.json: the score, the execution time, a top-level output (upload and compile problems) and one
 * entry per graded test, with its share of its task's points. Public tests are visible; hidden tests are visible
 * "after_published", so students see them when the instructor publishes the grades.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GradescopeResults(double score, @JsonProperty("execution_time") long executionTime, String output,
                                @JsonProperty("output_format") String outputFormat,
                                @JsonProperty("test_output_format") String testOutputFormat,
                                String visibility, @JsonProperty("stdout_visibility") String stdoutVisibility,
                                List<Test> tests) {
    /**
     * How Gradescope renders the outputs: plain text (its default is HTML, which would swallow "<" and break the
     * report's aligned columns).
     */
    public static final String TEXT = "text";

    /** One test of results.json. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Test(double score, @JsonProperty("max_score") double maxScore, String status, String name,
                       String number, String output, List<String> tags, String visibility) {
    }

    public static GradescopeResults of(SubmissionReport report) {
        Map<String, Double> scale = new HashMap<>();
        Map<String, Double> weights = new HashMap<>();
        report.tests().forEach(t -> weights.merge(t.assignment() + "/" + t.task(), t.weight(), Double::sum));
        for (TaskScore task : report.tasks()) {
            String key = task.assignment() + "/" + task.task();
            double w = weights.getOrDefault(key, 0.0);
            scale.put(key, w == 0 ? 0 : task.max() / w);
        }
        List<Test> tests = new ArrayList<>();
        double score = 0;
        for (TestResult t : report.tests()) {
            double max = round(t.weight() * scale.getOrDefault(t.assignment() + "/" + t.task(), 1.0));
            boolean passed = "PASSED".equals(t.status());
            double earned = passed ? max : 0;
            score += earned;
            tests.add(new Test(earned, max, passed ? "passed" : "failed",
                "Task " + t.task() + ": " + t.id().substring(t.id().indexOf('.') + 1), t.assignment() + " " + t.task(),
                output(t), List.of(t.assignment(), "task " + t.task(), t.hidden() ? "hidden" : "public"),
                t.hidden() ? "after_published" : "visible"));
        }
        long time = Math.round(report.timings().getOrDefault("total", 0.0));
        return new GradescopeResults(round(score), time, TextReport.overview(report), TEXT, TEXT, "visible", "hidden", tests);
    }

    /**
     * What results.json says while grading runs: written first and replaced at the end, so that if the container's
     * memory or time limit stops the grader, Gradescope shows why instead of "the autograder failed to execute".
     */
    public static GradescopeResults unfinished(String why) {
        return new GradescopeResults(0, 0, why, TEXT, TEXT, "visible", "hidden", List.of());
    }

    private static String output(TestResult t) {
        if ("PASSED".equals(t.status())) {
            return t.output().isEmpty() ? "" : "Printed:\n" + t.output();
        }
        StringBuilder s = new StringBuilder(t.status().toLowerCase(Locale.ROOT).replace('_', ' ')).append(": ")
            .append(t.message());
        String mistake = t.details().get("likelyMistake");
        if (mistake != null && !mistake.isEmpty() && !t.message().contains(mistake)) {
            s.append("\nLikely mistake: ").append(mistake);
        }
        if (!t.output().isEmpty()) {
            s.append("\nPrinted:\n").append(t.output());
        }
        return s.toString();
    }

    private static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
    }
}
