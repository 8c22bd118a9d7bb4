package org.scorelab.grading.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Graded tests' outcomes kept between gradings, so that a regrade reruns only the tests whose inputs changed. An
 * entry's key ({@link #key}) digests everything its outcome depends on: the test (its class's bytes), the suites'
 * helper classes, the kit and the grader, the limits, and the submission's compiled classes of the test's assignment
 * (the student's files, or the template's where one was set aside). Tests use fixed seeds, so the same key gives the
 * same outcome.
 *
 * <p>Only outcomes of tests that ran to their end are kept (passed, failed, error); a time-out, a crash or a test not
 * run depends on the machine and is run again. Each entry is signed with an HMAC under a secret made for this cache
 * folder; an entry that does not parse, is not signed by it, or carries another key is ignored (and rerun), never
 * trusted.
 */
public final class ResultsCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Status> KEPT = Set.of(Status.PASSED, Status.FAILED, Status.ERROR);

    private final Path dir;
    private final byte[] secret;

    /** The cache in {@code dir} (created, with its secret, on first use). */
    public ResultsCache(Path dir) {
        try {
            this.dir = Files.createDirectories(dir);
            this.secret = secret(dir.resolve("secret"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the results cache in " + dir, e);
        }
    }

    /** The key of {@code test}'s outcome on a submission whose assignment's inputs digest to {@code inputs}. */
    public static String key(PlannedTest test, String testDigest, String inputs) {
        return sha256(String.join("\n", test.id(), test.uniqueId(), testDigest, inputs));
    }

    /** The outcome stored under {@code key}, if a valid entry of this cache holds it. */
    public Optional<TestOutcome> get(String key, PlannedTest test) {
        Path file = dir.resolve(key + ".json");
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            ObjectNode entry = (ObjectNode) JSON.readTree(file.toFile());
            String signature = entry.path("hmac").asText("");
            entry.remove("hmac");
            if (!MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                hmac(JSON.writeValueAsString(entry)).getBytes(StandardCharsets.UTF_8))
                || !key.equals(entry.path("key").asText()) || !test.id().equals(entry.path("test").asText())) {
                return Optional.empty();
            }
            Status status = Status.valueOf(entry.path("status").asText());
            if (!KEPT.contains(status)) {
                return Optional.empty();
            }
            Map<String, String> details = new LinkedHashMap<>();
            entry.path("details").fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
            return Optional.of(new TestOutcome(test, status, entry.path("message").asText(), details,
                entry.path("output").asText(), entry.path("seconds").asDouble()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // corrupted or foreign: ignored, the test runs again
        }
    }

    /** Keeps {@code outcome} under {@code key}, if it is an outcome worth keeping. */
    public void put(String key, TestOutcome outcome) {
        if (!KEPT.contains(outcome.status())) {
            return;
        }
        ObjectNode entry = JSON.createObjectNode().put("key", key).put("test", outcome.test().id())
            .put("status", outcome.status().name()).put("message", outcome.message()).put("output", outcome.output())
            .put("seconds", outcome.seconds());
        ObjectNode details = entry.putObject("details");
        outcome.details().forEach(details::put);
        try {
            entry.put("hmac", hmac(JSON.writeValueAsString(entry)));
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(entry));
            Files.move(tmp, dir.resolve(key + ".json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A cache that cannot be written only costs time: the outcome is in the report either way.
        }
    }

    /** The SHA-256 of {@code text}, hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] secret(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == 32) {
            return Files.readAllBytes(file);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path tmp = Files.createTempFile(file.getParent(), "secret", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own permissions protect it.
        }
        Files.write(tmp, secret);
        try {
            Files.createLink(file, tmp); // exclusive: of two graders (shards) making it at once, one wins
        } catch (IOException | UnsupportedOperationException e) {
            // The other one's secret is on disk, or links are not supported: then a plain move.
            if (!Files.exists(file)) {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Files.readAllBytes(file); // whoever made it first, everyone signs with the one on disk
    }

    /** For tests: the entry file of a key. */
    Path file(String key) {
        return dir.resolve(key + ".json");
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
