package org.scorelab.grading.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ChannelTests {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void signedEventsAreReadBackInOrder() {
        Channel child = new Channel(KEY);
        Channel grader = new Channel(KEY);
        String first = child.sign("{\"event\":\"start\"}");
        String second = child.sign("{\"event\":\"done\"}");
        assertThat(grader.verify(first)).contains("{\"event\":\"start\"}");
        assertThat(grader.verify(second)).contains("{\"event\":\"done\"}");
    }

    @Test
    void aForgedReplayedOrAlteredLineIsNotAnEvent() {
        Channel child = new Channel(KEY);
        Channel grader = new Channel(KEY);
        String real = child.sign("{\"event\":\"finish\",\"status\":\"ERROR\"}");
        String[] parts = real.split(" ");
        String altered = parts[0] + " " + parts[1] + " "
            + Base64.getEncoder().encodeToString("{\"event\":\"finish\",\"status\":\"PASSED\"}".getBytes(StandardCharsets.UTF_8))
            + " " + parts[3];
        String otherKey = new Channel("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII)).sign("{}");
        assertThat(grader.verify(altered)).isEmpty();
        assertThat(grader.verify(otherKey)).isEmpty();
        assertThat(grader.verify("@@scorelab-event 0 e30= 00")).isEmpty();
        assertThat(grader.verify(real)).isPresent();
        assertThat(grader.verify(real)).as("a replay").isEmpty();
    }
}
