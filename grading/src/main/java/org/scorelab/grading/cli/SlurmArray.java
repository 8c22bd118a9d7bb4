package org.scorelab.grading.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.scorelab.grading.report.AtomicFiles;
import org.scorelab.grading.run.ClassPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Grades a class on a Slurm cluster: writes {@code OUT/slurm/grade.sbatch}, a job array with one shard of the class
 * per array task ({@code class --shard $((SLURM_ARRAY_TASK_ID+1))/N --reports-only}), and {@code OUT/slurm/merge.sbatch},
 * which writes the class's files (summary, index, Moodle's worksheets and feedback zips) from all the reports ({@code merge}); with {@code --submit} it submits both, the merge
 * job depending on the array with {@code afterany}, so it runs whether or not every shard ended well. The class folder,
 * OUT and the built grader (its class path, this JVM's Java) must be on a file system every node shares. A shard that
 * fails or runs out of time leaves its students without a report: the merge lists them in not-graded.csv, and running
 * the same command again grades only them (a report of the same plan is kept).
 */
@Command(name = "slurm", mixinStandardHelpOptions = true,
    description = "Write (and with --submit, submit) a Slurm job array that grades a class in N shards, and a merge job"
        + " that writes the class's gradebook and summary after it.")
final class SlurmArray implements Callable<Integer> {
    /** The grading options a shard and the merge job are given as they were given here. */
    private static final Set<String> PASSED_ON = Set.of("--public-only", "--only", "--rubric", "--manual",
        "--test-timeout", "--submission-timeout", "--heap", "--output-cap", "--threads", "--jvms");

    @Parameters(paramLabel = "FOLDER", description = "The class folder, on a file system every node shares.")
    Path folder;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grading-out",
        description = "Reports folder, on a shared file system; the scripts and logs go to DIR/slurm (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--shards", paramLabel = "N", required = true, description = "Array tasks, one shard of the class each.")
    int shards;

    @Option(names = "--partition", paramLabel = "P", description = "The Slurm partition (default: the cluster's).")
    String partition;

    @Option(names = "--time", paramLabel = "T", defaultValue = "04:00:00",
        description = "Time limit of one shard, as sbatch reads it (default: ${DEFAULT-VALUE}).")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "C", defaultValue = "1",
        description = "CPUs of one shard; it grades C submissions at once (default: ${DEFAULT-VALUE}).")
    int cpus;

    @Option(names = "--mem", paramLabel = "M",
        description = "Memory of one shard, as sbatch reads it (default: 6G per CPU: a test JVM's 2 GB heap, ND4J's"
            + " off-heap memory up to twice that, and the grader).")
    String memory;

    @Option(names = "--submit", description = "Submit the array and the merge job with sbatch.")
    boolean submit;

    /** Passed on to the merge job, which writes Moodle's files. */
    @Mixin
    MoodleOptions moodleOptions;

    /** Passed on to the merge job, which runs the similarity check. */
    @Mixin
    SimilarityOptions similarity;

    @Mixin
    GradingOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(folder)) {
            System.err.println("No such class folder: " + folder);
            return 2;
        }
        if (shards < 1 || cpus < 1) {
            System.err.println("--shards and --cpus-per-task must be at least 1");
            return 2;
        }
        options.grader(1); // fails here, not on the cluster, on a bad rubric, manual-points file or --only
        try {
            moodleOptions.prepare(); // and on a bad worksheet or roster
        } catch (org.scorelab.grading.moodle.MoodleInputException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (similarity.problem(folder) != null) {
            System.err.println(similarity.problem(folder));
            return 2;
        }
        Path classFolder = folder.toAbsolutePath().normalize();
        Path reports = Files.createDirectories(out.toAbsolutePath().normalize());
        Path slurm = Files.createDirectories(reports.resolve("slurm"));
        Files.createDirectories(slurm.resolve("logs"));
        List<String> passed = passedOn();
        String mem = memory != null ? memory : 6 * cpus + "G";

        List<String> shard = new ArrayList<>(List.of("class", classFolder.toString(), "--out", reports.toString(),
            "--shard", "$((SLURM_ARRAY_TASK_ID + 1))/" + shards, "--workers", Integer.toString(cpus), "--reports-only"));
        shard.addAll(passed);
        Path grade = slurm.resolve("grade.sbatch");
        AtomicFiles.write(grade, script("scorelab-grade", List.of("--array=0-" + (shards - 1), "--cpus-per-task=" + cpus,
            "--mem=" + mem, "--time=" + time, "--output=" + slurm.resolve("logs/shard-%a.out")), shard));

        List<String> merge = new ArrayList<>(List.of("merge", classFolder.toString(), "--out", reports.toString()));
        merge.addAll(moodleOptions.asArguments());
        merge.addAll(similarity.asArguments());
        merge.addAll(passed);
        Path mergeScript = slurm.resolve("merge.sbatch");
        AtomicFiles.write(mergeScript, script("scorelab-merge", List.of("--cpus-per-task=1", "--mem=2G", "--time=00:30:00",
            "--output=" + slurm.resolve("logs/merge.out")), merge));

        System.out.println("Wrote " + grade + " (" + shards + " shards) and " + mergeScript);
        if (!submit) {
            System.out.println("Submit them with:\n  array=$(sbatch --parsable " + grade + ")\n"
                + "  sbatch --dependency=afterany:${array%%;*} " + mergeScript);
            return 0;
        }
        String array = sbatch(grade.toString());
        String mergeJob = sbatch("--dependency=afterany:" + array, mergeScript.toString());
        AtomicFiles.write(slurm.resolve("jobs.txt"), "array " + array + "\nmerge " + mergeJob + "\n");
        System.out.println("Submitted the array as job " + array + " and the merge job as " + mergeJob
            + " (it runs after the array, however its shards end). Logs: " + slurm.resolve("logs"));
        return 0;
    }

    /** The grading options given on this command line, as they were given, for the shards and the merge job. */
    private List<String> passedOn() {
        List<String> args = new ArrayList<>();
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (PASSED_ON.contains(o.longestName())) {
                args.add(o.longestName());
                if (o.arity().max() > 0) {
                    args.addAll(o.originalStringValues());
                }
            }
        }
        return args;
    }

    /** A batch script that runs the grader's command line with {@code args} on this JVM's Java and class path. */
    private String script(String name, List<String> directives, List<String> args) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n#SBATCH --job-name=" + name + "\n");
        directives.forEach(d -> s.append("#SBATCH ").append(d).append('\n'));
        if (partition != null) {
            s.append("#SBATCH --partition=").append(partition).append('\n');
        }
        s.append("# Written by `scorelab-grade slurm`. Needs, on every node: this folder's file system, the Java below and\n"
            + "# the grader's class path (a shared build); bubblewrap with user namespaces for the sandbox (without it\n"
            + "# the grader runs the tests unsandboxed and records that in each report).\n");
        s.append("set -euo pipefail\nexec ").append(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()))
            .append(" -Xmx1g --enable-native-access=ALL-UNNAMED");
        String plugins = System.getProperty(org.scorelab.course.Course.PLUGINS, "");
        if (!plugins.isEmpty()) { // the shards and the merge job grade the same course as this command
            s.append(' ').append(quote("-D" + org.scorelab.course.Course.PLUGINS + "=" + plugins));
        }
        s.append(" -cp ").append(quote(ClassPaths.grader())).append(' ').append(Main.class.getName());
        for (String a : args) {
            s.append(' ').append(a.startsWith("$((") ? "\"" + a + "\"" : quote(a));
        }
        return s.append('\n').toString();
    }

    /** A word for bash, single-quoted. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Runs sbatch --parsable with {@code args}; returns the job id. */
    private static String sbatch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        String id = output.lines().reduce((a, b) -> b).orElse("").split(";")[0];
        if (!id.matches("\\d+")) {
            throw new IOException(String.join(" ", command) + " printed no job id: " + output);
        }
        return id;
    }
}
