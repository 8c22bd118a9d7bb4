package org.scorelab.grading.run;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a test's prints go in the test JVM: the first {@code cap} bytes are kept, the rest only counted, so a
 * submission printing gigabytes costs the time it takes to print them and no memory.
 */
final class CappedOutput extends OutputStream {
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    CappedOutput(int cap) {
        this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < cap) {
            kept.write(b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int keep = Math.max(0, Math.min(len, cap - kept.size()));
        kept.write(b, off, keep);
        dropped += len - keep;
    }

    /** What was printed since the last call, capped, and empties the buffer. */
    synchronized String take() {
        String s = kept.toString(StandardCharsets.UTF_8);
        if (dropped > 0) {
            s += "\n... " + dropped + " more bytes of output dropped (the limit is " + cap + " bytes per test)\n";
        }
        kept.reset();
        dropped = 0;
        return s;
    }
}
