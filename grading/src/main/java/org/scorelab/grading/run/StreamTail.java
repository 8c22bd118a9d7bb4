package org.scorelab.grading.run;

/** The last characters of a stream, and how many bytes it carried in all. */
final class StreamTail {
    private final int keep;
    private final StringBuilder tail = new StringBuilder();
    private long total;

    StreamTail(int keep) {
        this.keep = keep;
    }

    synchronized void append(String s) {
        total += s.length();
        tail.append(s.length() > keep ? s.substring(s.length() - keep) : s);
        if (tail.length() > 2 * keep) {
            tail.delete(0, tail.length() - keep);
        }
    }

    synchronized String text() {
        return tail.length() > keep ? tail.substring(tail.length() - keep) : tail.toString();
    }

    synchronized long total() {
        return total;
    }
}
