package org.scorelab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.report.SubmissionReport;
import org.scorelab.grading.report.SubmissionReport.TestResult;
import org.scorelab.grading.run.Limits;
import org.scorelab.grading.score.ManualPoints;
import org.scorelab.grading.score.Rubric;

/**
 * The library's front on small fast suites: a regrade reproduces every result; two JVMs grade like one; every stage
 * is timed.
 */
class GraderTests {
    @TempDir
    Path dir;

    private static Grader grader(int jvms) {
        return new Grader(new Grader.Options(false, "(dsm\\.MixtureSamplingTests|ebm\\.LangevinTests)", Limits.defaults(),
            Rubric.annotations(), ManualPoints.none(), jvms));
    }

    private static List<String> results(SubmissionReport r) {
        return r.tests().stream().map(t -> t.id() + " " + t.status() + " " + t.message()).toList();
    }

    @Test
    void aRegradeReproducesEveryResultAndTheReportRecordsHow() {
        Path gauss = Uploads.example("Carl Gauss");
        Student student = Student.fromFolderName(gauss.getFileName().toString());
        Grader grader = grader(1);
        SubmissionReport first = grader.grade(student, gauss, dir.resolve("a"));
        SubmissionReport again = grader.grade(student, gauss, dir.resolve("b"));
        assertThat(first.tests()).hasSize(10).anyMatch(t -> !t.status().equals("PASSED"));
        assertThat(results(again)).isEqualTo(results(first));
        assertThat(first.reproducibility()).containsKeys("seeds", "suitesFingerprint", "limits")
            .hasEntrySatisfying("suitesFingerprint", f -> assertThat(f).startsWith("sha256:"));
        assertThat(first.tests()).filteredOn(t -> t.id().contains("ExactLaw")).extracting(TestResult::status)
            .containsOnly("FAILED");
    }

    @Test
    void twoJvmsSideBySideGradeLikeOne() {
        Path gauss = Uploads.example("Carl Gauss");
        Student student = Student.fromFolderName(gauss.getFileName().toString());
        SubmissionReport one = grader(1).grade(student, gauss, dir.resolve("one"));
        SubmissionReport two = grader(2).grade(student, gauss, dir.resolve("two"));
        assertThat(results(two)).isEqualTo(results(one));
        assertThat(two.totals()).isEqualTo(one.totals());
    }

    @Test
    void theReportTimesEveryStageInWallAndCpuSeconds() {
        Path gauss = Uploads.example("Carl Gauss");
        SubmissionReport r = grader(2).grade(Student.fromFolderName(gauss.getFileName().toString()), gauss, dir.resolve("t"));
        assertThat(r.timings()).containsKeys("intake", "compile", "compileCpu", "jvmStart", "tests", "testsCpu", "total");
        // Two test JVMs (one per assignment): each spends CPU on its start and its tests; javac spends some on compiling.
        assertThat(r.timings().get("testsCpu")).isGreaterThan(0.5);
        assertThat(r.timings().get("compileCpu")).isGreaterThan(0.0).isLessThan(r.timings().get("compile") * 2 + 1);
    }
}
