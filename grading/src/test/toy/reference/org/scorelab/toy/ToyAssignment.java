package org.scorelab.toy;

/** Runs the toy assignment end to end. */
public final class ToyAssignment {
    private ToyAssignment() {
    }

    public static void main(String[] args) {
        System.out.println("Task 1.1  twice(21) = " + new Solution().twice(21));
    }
}
