package org.scorelab.grading.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorelab.grading.Uploads;

/** The choice space without grading: draws are reproducible, cover every dimension, and make submissions that apply. */
class ChoiceSpaceTests {
    private static final List<ChoiceSpace.Draw> MANY = ChoiceSpace.draws(ChoiceSpace.SEED, 100);

    @Test
    void aDrawIsTheSameEveryTimeAndFoundByItsName() {
        assertThat(ChoiceSpace.draws(ChoiceSpace.SEED, 3).toString()).isEqualTo(MANY.subList(0, 3).toString());
        assertThat(ChoiceSpace.named("s16-7").toString()).isEqualTo(MANY.get(7).toString());
        assertThat(ChoiceSpace.named("plain-2").toString()).isEqualTo(ChoiceSpace.plain().get(1).toString());
    }

    @Test
    void everyDimensionTakesEveryValueInAHundredDraws() {
        assertThat(MANY.stream().map(d -> d.dsm().network().activation()).distinct()).hasSize(DsmChoices.Network.ACTIVATIONS.size());
        assertThat(MANY.stream().map(d -> d.dsm().network().levelInput()).distinct()).hasSize(DsmChoices.Network.LEVEL_INPUTS.size());
        assertThat(MANY.stream().map(d -> d.dsm().start()).distinct()).hasSize(DsmChoices.STARTS.size());
        assertThat(MANY.stream().map(d -> d.dsm().training().optimizer()).distinct()).hasSize(2);
        assertThat(MANY.stream().filter(d -> d.dsm().training().optimizer().equals(Training.ADAM)).map(d -> d.dsm().training().batch())
            .distinct()).hasSize(5);
        assertThat(MANY.stream().map(d -> d.dsm().network().widths().size()).distinct()).hasSize(4);
        assertThat(MANY.stream().map(d -> d.ebm().mlStart()).distinct()).hasSize(EbmChoices.ML_STARTS.size());
        assertThat(MANY.stream().map(d -> d.ebm().persistent()).distinct()).hasSize(2);
        assertThat(MANY.stream().map(d -> d.ebm().nceNoise() + d.ebm().nceWidth()).distinct()).hasSize(7);
    }

    @Test
    void everyDrawStaysInsideTheSheetsLimits() {
        for (ChoiceSpace.Draw d : concat(MANY, ChoiceSpace.plain())) {
            DsmChoices c = d.dsm();
            assertThat(c.network().parameters()).as(d.name()).isLessThanOrEqualTo(100_000);
            assertThat(c.levels() * c.steps()).as(d.name()).isLessThanOrEqualTo(DsmChoices.SAMPLER_STEPS);
            assertThat(LangevinSettling.settles(c.noiseLevels(), c.epsilon(), c.steps())).as(d.name() + " settles").isTrue();
            assertThat(DsmChoices.trainingSeconds(c.network(), c.training())).as(d.name()).isLessThanOrEqualTo(2.5 * DsmChoices.TRAINING_SECONDS);
        }
    }

    @Test
    void sgdTrainsAtLeastItsMinimumWithinTheTimeBudget() {
        List<Training> sgd = MANY.stream().flatMap(d -> java.util.stream.Stream.of(d.dsm().training(), d.ebm().nce(), d.ebm().ism(),
            d.ebm().dsm())).filter(t -> t.optimizer().equals(Training.SGD)).toList();
        assertThat(sgd).hasSizeGreaterThan(20);
        assertThat(sgd).allSatisfy(t -> assertThat(t.iterations()).isGreaterThanOrEqualTo(Training.SGD_MINIMUM_ITERATIONS));
        for (ChoiceSpace.Draw d : MANY) {
            if (d.dsm().training().optimizer().equals(Training.SGD)) {
                assertThat(DsmChoices.trainingSeconds(d.dsm().network(), d.dsm().training())).as(d.name())
                    .isLessThanOrEqualTo(DsmChoices.TRAINING_SECONDS);
            }
        }
        // A slow SGD draw halves its batch instead of its iterations.
        Training slow = new Training(Training.SGD, 0.003, false, 5000, 0).forSgdStudent(t -> t.iterations() * t.points(10_000) * 1e-6, 10, 10_000);
        assertThat(slow.iterations()).isEqualTo(5000);
        assertThat(slow.batch()).isEqualTo(1250);
        Training adam = new Training(Training.ADAM, 0.001, false, 500, 0);
        assertThat(adam.forSgdStudent(t -> 1e9, 10, 10_000)).isSameAs(adam);
    }

    @Test
    void everyDrawMakesASubmissionFromTheCurrentReference() {
        for (ChoiceSpace.Draw d : concat(MANY, ChoiceSpace.plain())) {
            assertThat(CorrectSubmissions.sources(d)).as(d.name()).isNotEqualTo(Uploads.referenceSources());
        }
    }

    @Test
    void settlingTellsAChainThatSettlesFromOneThatDoesNot() {
        double[] sheet = org.scorelab.noise.NoiseLevels.geometric(0.01, 1, 10);
        assertThat(LangevinSettling.settles(sheet, 5e-5, 100)).isTrue(); // the reference's choice
        assertThat(LangevinSettling.stdError(sheet, 5e-6, 100)).isGreaterThan(0.1); // a tenth of it: modes left too wide
        assertThat(LangevinSettling.settles(sheet, 5e-6, 100)).isFalse();
        assertThat(LangevinSettling.settles(sheet, 5e-4, 100)).isFalse(); // ten times: the largest level overshoots
    }

    private static List<ChoiceSpace.Draw> concat(List<ChoiceSpace.Draw> a, List<ChoiceSpace.Draw> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
