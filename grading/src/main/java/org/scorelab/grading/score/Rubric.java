package org.scorelab.grading.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.scorelab.grading.run.PlannedTest;

/**
 * Maps tests to points. By default a test is worth the points of its {@code @Graded} annotation and a task is worth
 * the sum of its tests. A rubric file (JSON) may set a task's points, which its tests then share in proportion to
 * their weights (partial credit: the fraction of the task's weight passed), give a test another weight, or add tasks
 * without tests, graded by hand and merged from a CSV:
 * <pre>{@code
 * { "tasks": { "dsm/3.3": 10, "dsm/2.1": 4 },
 *   "tests": { "dsm.DsmLossTests.lossOnFixedInputsMatchesAHandComputation": 2 } }
 * }</pre>
 */
public final class Rubric {
    private final Map<String, Double> taskPoints;
    private final Map<String, Double> testWeights;

    private Rubric(Map<String, Double> taskPoints, Map<String, Double> testWeights) {
        this.taskPoints = taskPoints;
        this.testWeights = testWeights;
    }

    /** The default rubric: the points of {@code @Graded}. */
    public static Rubric annotations() {
        return new Rubric(Map.of(), Map.of());
    }

    /** Reads a rubric file; fails with the file, the key and the rule broken. */
    public static Rubric read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("rubric " + file + ": expected a JSON object with \"tasks\" and/or \"tests\"");
        }
        return new Rubric(numbers(file, root, "tasks"), numbers(file, root, "tests"));
    }

    private static Map<String, Double> numbers(Path file, JsonNode root, String field) {
        Map<String, Double> out = new TreeMap<>();
        JsonNode node = root.path(field);
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
                throw new IllegalArgumentException("rubric " + file + ": " + field + "." + e.getKey()
                    + " must be a non-negative number, found " + e.getValue());
            }
            if (field.equals("tasks") && !e.getKey().matches("[a-z]+/[0-9.]+")) {
                throw new IllegalArgumentException("rubric " + file + ": task keys are assignment/task, e.g. \"dsm/3.3\"; found "
                    + e.getKey());
            }
            out.put(e.getKey(), e.getValue().asDouble());
        });
        return out;
    }

    /** The task points and test weights, in a stable order: part of a grading's plan (Grader.planId). */
    @Override
    public String toString() {
        return "tasks=" + new TreeMap<>(taskPoints) + ", tests=" + new TreeMap<>(testWeights);
    }

    /** The weight of a test within its task. */
    public double weight(PlannedTest test) {
        return testWeights.getOrDefault(test.id(), test.points());
    }

    /** The points a task is worth when the rubric sets them, else empty. */
    public java.util.OptionalDouble taskPoints(String assignment, String task) {
        Double p = taskPoints.get(assignment + "/" + task);
        return p == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(p);
    }

    /** The tasks the rubric names ("dsm/3.3"), including those without tests. */
    public java.util.Set<String> namedTasks() {
        return taskPoints.keySet();
    }
}
