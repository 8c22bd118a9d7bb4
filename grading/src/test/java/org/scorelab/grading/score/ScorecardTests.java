package org.scorelab.grading.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.run.PlannedTest;
import org.scorelab.grading.run.Status;
import org.scorelab.grading.run.TestOutcome;

class ScorecardTests {
    @TempDir
    Path dir;

    private static TestOutcome outcome(String id, String task, double points, boolean passed) {
        PlannedTest t = new PlannedTest(id, "[u:" + id + "]", "dsm", task, points, false);
        return new TestOutcome(t, passed ? Status.PASSED : Status.FAILED, passed ? "" : "wrong", Map.of(), "", 0.1);
    }

    private static final List<TestOutcome> OUTCOMES = List.of(outcome("dsm.A.one", "3.3", 1.0, true),
        outcome("dsm.A.two", "3.3", 3.0, false), outcome("dsm.B.one", "3.10", 0.5, true), outcome("dsm.C.one", "3.9", 2, false));

    @Test
    void byDefaultATaskIsWorthItsTestsPointsAndEarnsThoseItPassed() {
        Scorecard card = Scorecard.of(OUTCOMES, Rubric.annotations(), List.of());
        assertThat(card.tasks()).extracting(TaskScore::task).containsExactly("3.3", "3.9", "3.10");
        TaskScore t33 = card.tasks().get(0);
        assertThat(t33.earned()).isEqualTo(1.0);
        assertThat(t33.max()).isEqualTo(4.0);
        assertThat(t33.passed()).isEqualTo(1);
        assertThat(card.earned()).isEqualTo(1.5);
        assertThat(card.max("dsm")).isEqualTo(6.5);
    }

    @Test
    void aRubricScalesATaskAndReweighsATestAndAddsManualTasks() throws IOException {
        Path file = Files.writeString(dir.resolve("rubric.json"),
            "{\"tasks\": {\"dsm/3.3\": 10, \"dsm/2.1\": 4}, \"tests\": {\"dsm.A.two\": 1}}");
        Rubric rubric = Rubric.read(file);
        Scorecard card = Scorecard.of(OUTCOMES, rubric, List.of(new ManualPoints.Mark("dsm", "2.1", 3, "clear derivation")));
        TaskScore t33 = card.tasks().stream().filter(t -> t.task().equals("3.3")).findFirst().orElseThrow();
        assertThat(t33.max()).isEqualTo(10);
        assertThat(t33.earned()).as("weights 1 passed of 1 + 1").isCloseTo(5.0, within(1e-12));
        TaskScore t21 = card.tasks().stream().filter(t -> t.task().equals("2.1")).findFirst().orElseThrow();
        assertThat(t21).isEqualTo(new TaskScore("dsm", "2.1", 3, 4, 0, 0, "clear derivation"));
        assertThat(Scorecard.of(OUTCOMES, rubric, List.of()).tasks()).filteredOn(t -> t.task().equals("2.1"))
            .singleElement().satisfies(t -> assertThat(t.comment()).contains("no mark entered"));
    }

    @Test
    void aMalformedRubricNamesTheFileTheKeyAndTheRule() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"tasks\": {\"3.3\": 10}}");
        assertThatThrownBy(() -> Rubric.read(bad)).hasMessageContaining("bad.json").hasMessageContaining("assignment/task")
            .hasMessageContaining("3.3");
        Path negative = Files.writeString(dir.resolve("neg.json"), "{\"tests\": {\"dsm.A.one\": -1}}");
        assertThatThrownBy(() -> Rubric.read(negative)).hasMessageContaining("tests.dsm.A.one must be a non-negative number");
    }

    @Test
    void manualPointsAreReadByIdOrNameAndBadRowsNameTheirLine() throws IOException {
        Path csv = Files.writeString(dir.resolve("manual.csv"),
            "student,assignment,task,points,comment\n100001,dsm,2.1,4,ok\nBlaise Pascal,ebm,1.1,2.5,\"partly, see note\"\n");
        ManualPoints marks = ManualPoints.read(csv);
        assertThat(marks.of("100001", "Ada Lovelace")).containsExactly(new ManualPoints.Mark("dsm", "2.1", 4, "ok"));
        assertThat(marks.of("100002", "Blaise Pascal")).containsExactly(new ManualPoints.Mark("ebm", "1.1", 2.5, "partly, see note"));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "student,assignment,task,points,comment\n1,dsm,2.1,four,x\n");
        assertThatThrownBy(() -> ManualPoints.read(bad)).hasMessageContaining("line 1").hasMessageContaining("number of points");
    }
}
