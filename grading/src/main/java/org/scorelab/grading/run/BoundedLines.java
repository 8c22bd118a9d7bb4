package org.scorelab.grading.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits a stream into lines without trusting it: a line longer than {@link #MAX_LINE} bytes is cut there and the
 * rest of it skipped, so a submission printing a gigabyte without a newline costs no memory. Reads until the end.
 */
final class BoundedLines {
    static final int MAX_LINE = 1 << 20;

    private BoundedLines() {
    }

    static void read(InputStream in, Consumer<String> lines) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines.accept(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else if (line.size() < MAX_LINE) {
                        line.write(buffer[i]);
                    }
                }
            }
        } catch (IOException e) {
            // The process was killed: what was read is kept.
        }
        if (line.size() > 0) {
            lines.accept(line.toString(StandardCharsets.UTF_8));
        }
    }
}
