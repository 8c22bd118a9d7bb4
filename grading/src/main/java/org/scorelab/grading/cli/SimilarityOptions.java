package org.scorelab.grading.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scorelab.grading.similarity.SimilarityCheck;
import picocli.CommandLine.Option;

/** The similarity check's options, shared by the commands that write a class's files (class, merge, slurm). */
final class SimilarityOptions {
    @Option(names = "--similarity", description = "Also compare the class's submissions with JPlag, per assignment, the"
        + " template's code left out: writes similarity.csv (pairs at or above the threshold) and JPlag's report"
        + " similarity-<assignment>.zip. For the instructor's review; it changes no grade.")
    boolean enabled;

    @Option(names = "--similarity-threshold", paramLabel = "S",
        description = "The similarity in (0, 1] at or above which a pair is flagged (default: "
            + SimilarityCheck.DEFAULT_THRESHOLD + ", see docs/similarity.md).")
    Double threshold;

    @Option(names = "--similarity-archive", paramLabel = "DIR",
        description = "An earlier term's class folder: its submissions are compared with the class's, not with each"
            + " other (repeat for several terms).")
    List<Path> archives = new ArrayList<>();

    /** Why the options cannot run, in a sentence, or null when they can (checked before any grading). */
    String problem(Path classFolder) {
        if (!enabled && (threshold != null || !archives.isEmpty())) {
            return "--similarity-threshold and --similarity-archive need --similarity.";
        }
        if (threshold != null && !(threshold > 0 && threshold <= 1)) {
            return String.format(Locale.ROOT, "--similarity-threshold must be in (0, 1], found %s.", threshold);
        }
        for (Path archive : archives) {
            String problem = SimilarityCheck.archiveProblem(archive);
            if (problem != null) {
                return problem;
            }
            if (archive.toAbsolutePath().normalize().equals(classFolder.toAbsolutePath().normalize())) {
                return "The similarity archive " + archive + " is the class folder itself: give an earlier term's.";
            }
        }
        return null;
    }

    /**
     * Runs the check when asked, and prints its summary. A check that fails says so and leaves the exit code alone:
     * the grades and the class's files are written before it.
     */
    void runIfAsked(Path classFolder, Path out) {
        if (enabled) {
            System.out.println();
            try {
                new SimilarityCheck(threshold == null ? SimilarityCheck.DEFAULT_THRESHOLD : threshold, archives)
                    .run(classFolder, out).summary().forEach(System.out::println);
            } catch (IOException | RuntimeException e) {
                System.err.println("The similarity check failed (" + e + "); the grades and the class's files are"
                    + " written. Run the merge command with --similarity to try again.");
            }
        }
    }

    /** The options as given, archives absolute, for the merge job of a job array. */
    List<String> asArguments() {
        List<String> args = new ArrayList<>();
        if (enabled) {
            args.add("--similarity");
        }
        if (threshold != null) {
            args.addAll(List.of("--similarity-threshold", threshold.toString()));
        }
        archives.forEach(a -> args.addAll(List.of("--similarity-archive", a.toAbsolutePath().normalize().toString())));
        return args;
    }
}
