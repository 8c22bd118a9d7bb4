package org.scorelab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the calibration harness ({@link CorpusCalibration}) working: one mistake the ebm statistical checks target
 * and the reference, each through the harness with 2 runs per check (about 5 s). The mistake must fail Task 1.3's
 * Langevin law checks in both runs and nothing else; the reference must fail nothing.
 */
class CorpusCalibrationTests {
    @TempDir
    Path work;

    @Test
    void aTargetedMistakeFailsItsChecksAndTheReferenceFailsNone() throws Exception {
        JsonNode mistake = MisconceptionCorpusTests.cases().stream().filter(c -> c.get("id").asText().equals("ebm-langevin-no-half")).findFirst().orElseThrow();
        Path reference = CorpusCalibration.reference();

        CorpusCalibration.Outcome wrong = CorpusCalibration.calibrate(mistake, reference, work, 2, 1);
        CorpusCalibration.Outcome right = CorpusCalibration.calibrate(CorpusCalibration.control("ebm"), reference, work, 2, 1);

        assertThat(wrong.error()).isNull();
        assertThat(right.error()).isNull();
        assertThat(wrong.tallies()).hasSize(6);
        assertThat(right.tallies()).hasSize(6);
        wrong.tallies().forEach((check, t) -> assertThat(t).as(check)
            .containsExactly(check.startsWith("1.3") && check.contains("Langevin chain") ? 2 : 0, 2));
        right.tallies().forEach((check, t) -> assertThat(t).as(check).containsExactly(0, 2));
    }
}
