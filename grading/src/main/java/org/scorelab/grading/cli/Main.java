package org.scorelab.grading.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scorelab-grade}: the grader's command line. */
@Command(name = "scorelab-grade", mixinStandardHelpOptions = true, version = "scorelab-grade 0.1",
    description = "Grades scorelab submissions: compiles them against the kit, runs the public and hidden suites in a"
        + " separate JVM with limits, and writes JSON, HTML, Gradescope and Moodle reports.",
    subcommands = {GradeSubmission.class, GradeClass.class, MergeClass.class, SlurmArray.class, GradescopeMode.class,
        MakeHandout.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (0: graded; 1: a submission the grader failed on; 2: usage). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
