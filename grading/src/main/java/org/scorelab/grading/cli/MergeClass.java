package org.scorelab.grading.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scorelab.grading.moodle.MoodleExport;
import org.scorelab.grading.moodle.MoodleInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Writes a class's files from the reports the shards of a job array left in the output folder ({@link ClassOutputs}),
 * whether or not every shard ended well: the Slurm merge job runs it after the array. It grades nothing; the grading
 * options only say which plan's reports count, and must be the shards' own.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Write the class's summary, index, Moodle files and list of submissions not graded from the reports"
        + " in --out (after the shards of a job array). Give the shards' grading options: they say which reports count.")
final class MergeClass implements Callable<Integer> {
    @Parameters(paramLabel = "FOLDER", description = "The class folder the shards graded.")
    Path folder;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grading-out",
        description = "The shards' reports folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    MoodleOptions moodleOptions;

    @Mixin
    SimilarityOptions similarity;

    @Mixin
    GradingOptions options;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(folder)) {
            System.err.println("No such class folder: " + folder);
            return 2;
        }
        MoodleExport moodle;
        try {
            moodle = moodleOptions.prepare(out);
        } catch (MoodleInputException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (similarity.problem(folder) != null) {
            System.err.println(similarity.problem(folder));
            return 2;
        }
        String plan = options.grader(1).planId();
        List<String> notGraded = new ClassOutputs(folder, out, plan, moodle, similarity).write();
        return notGraded.isEmpty() ? 0 : 1;
    }
}
