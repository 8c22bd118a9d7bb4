package org.scorelab.grading.run;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The result channel from the test JVM to the grader: one line per event, {@code prefix seq payload mac}, where the
 * MAC is HMAC-SHA256 over the sequence number and payload under a fresh random key that the grader passes on the
 * child's standard input (not its command line or environment, which the submission could read). A line without a
 * valid MAC, or out of sequence, is output like any other: the submission cannot write a result, replay one, or drop
 * one unnoticed. Only code that reads the runner's memory (reflection, refused by the static check) could forge one.
 */
final class Channel {
    static final String PREFIX = "@@scorelab-event ";

    private final Mac mac;
    private long next;

    Channel(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed line for the next event. */
    synchronized String sign(String json) {
        long seq = next++;
        String payload = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return PREFIX + seq + " " + payload + " " + HexFormat.of().formatHex(mac(seq, payload));
    }

    /** The event's JSON if {@code line} is the next signed event, else empty. */
    synchronized Optional<String> verify(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = line.substring(PREFIX.length()).split(" ");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            long seq = Long.parseLong(parts[0]);
            byte[] expected = mac(seq, parts[1]);
            if (seq != next || !MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts[2]))) {
                return Optional.empty();
            }
            next++;
            return Optional.of(new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(long seq, String payload) {
        return mac.doFinal((seq + " " + payload).getBytes(StandardCharsets.UTF_8));
    }
}
