package org.scorelab.grading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorelab.grading.Uploads;
import org.scorelab.grading.run.ClassPaths;

/**
 * The {@code slurm} command against a real Slurm: a one-node cluster on this machine ({@code grading/slurm/
 * local-cluster.sh}: munged, slurmctld, slurmd; Debian's slurm-wlm and munge, which .ci/run installs), the example
 * class graded with the public suites as an array of 3 shards and the merge job, by the grader's own command line in
 * a child JVM (as an instructor runs it, with SLURM_CONF in its environment). The merged class files and every report
 * must equal a one-machine {@code class} run's, timings aside. Then a shard's loss: a student's report is removed,
 * the merge lists them in not-graded.csv (never a zero), and the same command grades only them.
 */
class SlurmTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CLASS_FILES = List.of("summary.csv", "not-graded.csv", "moodle/dsm-worksheet.csv",
        "moodle/ebm-worksheet.csv", "moodle/unmatched.csv");

    @TempDir
    static Path dir;
    private static Path cluster;
    private static String slurmConf;

    @BeforeAll
    static void startAOneNodeCluster() throws Exception {
        List<String> missing = Stream.of("munged", "slurmctld", "slurmd", "sbatch", "squeue")
            .filter(c -> !onPath(c)).toList();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Slurm is not installed here (missing " + missing
            + "); on Debian: apt-get install slurm-wlm munge, as .ci/run does");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
            "the one-node test cluster runs its daemons as root; this build runs as " + System.getProperty("user.name"));
        cluster = dir.resolve("cluster");
        Run started = run(List.of("bash", "slurm/local-cluster.sh", "start", cluster.toString()), Map.of());
        assertThat(started.exit()).as("starting the cluster: %s", started.output()).isZero();
        slurmConf = cluster.resolve("slurm.conf").toString();
    }

    @AfterAll
    static void stopEveryDaemonItStarted() throws Exception {
        if (cluster != null) {
            Run stopped = run(List.of("bash", "slurm/local-cluster.sh", "stop", cluster.toString()), Map.of());
            assertThat(stopped.exit()).as(stopped.output()).isZero();
        }
    }

    @Test
    void anArrayOfThreeShardsAndTheMergeJobGradeTheClassLikeOneMachine() throws Exception {
        Path oneMachine = dir.resolve("one-machine");
        assertThat(Main.run("class", Uploads.exampleClass().toString(), "--out", oneMachine.toString(), "--public-only",
            "--workers", "2")).isZero();

        Path slurm = dir.resolve("slurm");
        List<String> command = List.of("slurm", Uploads.exampleClass().toString(), "--out", slurm.toString(),
            "--shards", "3", "--cpus-per-task", "1", "--mem", "3G", "--time", "00:20:00", "--public-only", "--submit");
        submitAndWait(command);
        sameClassFiles(slurm, oneMachine);
        assertThat(differences(reports(slurm), reports(oneMachine))).isEmpty();
        assertThat(reports(slurm)).hasSize(6);
        assertThat(slurm.resolve("slurm/logs/merge.out")).content().contains("Points per task across the 6 graded");

        // A shard that failed: its student has no report. The merge lists them and leaves them out; the same command
        // grades only them.
        Path carl = slurm.resolve("Carl_Gauss_100003/report.json");
        Files.delete(carl);
        Path ada = slurm.resolve("Ada_Lovelace_100001/report.json");
        Files.setLastModifiedTime(ada, FileTime.fromMillis(0));
        assertThat(Main.run("merge", Uploads.exampleClass().toString(), "--out", slurm.toString(), "--public-only")).isOne();
        assertThat(Files.readAllLines(slurm.resolve("not-graded.csv")))
            .containsExactly("student,identifier,upload,why", "Carl Gauss,100003,Carl Gauss_100003_assignsubmission_file_,no report yet");
        assertThat(Files.readString(slurm.resolve("moodle/dsm-worksheet.csv"))).doesNotContain("Carl Gauss");

        submitAndWait(command);
        assertThat(Files.getLastModifiedTime(ada).toMillis()).as("Ada's report, already graded, is kept").isZero();
        assertThat(differences(reports(slurm), reports(oneMachine))).isEmpty();
        sameClassFiles(slurm, oneMachine);
    }

    private static void sameClassFiles(Path found, Path expected) throws IOException {
        for (String file : CLASS_FILES) {
            assertThat(found.resolve(file)).as(file).hasSameTextualContentAs(expected.resolve(file));
        }
        for (String zip : List.of("moodle/dsm-feedback.zip", "moodle/ebm-feedback.zip")) {
            try (var f = new java.util.zip.ZipFile(found.resolve(zip).toFile());
                 var e = new java.util.zip.ZipFile(expected.resolve(zip).toFile())) {
                assertThat(f.stream().map(java.util.zip.ZipEntry::getName)).as(zip)
                    .containsExactlyElementsOf(e.stream().map(java.util.zip.ZipEntry::getName).toList()).isNotEmpty();
            }
        }
    }

    /** Runs the grader's command line in a child JVM with this cluster's SLURM_CONF, then waits for its jobs. */
    private static void submitAndWait(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", ClassPaths.grader(), Main.class.getName()));
        command.addAll(args);
        Run submitted = run(command, Map.of("SLURM_CONF", slurmConf));
        assertThat(submitted.exit()).as(submitted.output()).isZero();
        Path out = Path.of(args.get(args.indexOf("--out") + 1));
        List<String> jobs = Files.readAllLines(out.resolve("slurm/jobs.txt")).stream().map(l -> l.split(" ")[1]).toList();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (true) {
            Run queue = run(List.of("squeue", "-h", "-j", String.join(",", jobs), "-o", "%i %T"), Map.of("SLURM_CONF", slurmConf));
            if (queue.output().isBlank()) {
                return;
            }
            assertThat(System.nanoTime()).as("jobs %s still queued: %s", jobs, queue.output()).isLessThan(deadline);
            Thread.sleep(2000);
        }
    }

    /**
     * Every student's report.json, without what differs between two gradings of the same submission: the times, and
     * how many results came from the cache.
     */
    private static Map<String, JsonNode> reports(Path out) throws IOException {
        Map<String, JsonNode> reports = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(out)) {
            for (Path d : (Iterable<Path>) dirs.filter(p -> Files.isRegularFile(p.resolve("report.json")))::iterator) {
                ObjectNode report = (ObjectNode) JSON.readTree(d.resolve("report.json").toFile());
                report.remove(List.of("gradedAt", "timings"));
                ((ObjectNode) report.get("reproducibility")).remove("resultsCache"); // how many results were reused
                report.get("tests").forEach(t -> ((ObjectNode) t).remove("seconds"));
                reports.put(d.getFileName().toString(), report);
            }
        }
        return reports;
    }

    /** Where two sets of reports differ: student and JSON path, with both values. */
    private static List<String> differences(Map<String, JsonNode> found, Map<String, JsonNode> expected) {
        List<String> out = new ArrayList<>();
        if (!found.keySet().equals(expected.keySet())) {
            out.add("students: " + found.keySet() + " instead of " + expected.keySet());
        }
        expected.forEach((student, e) -> differences(found.get(student), e, student, out));
        return out;
    }

    private static void differences(JsonNode found, JsonNode expected, String path, List<String> out) {
        if (found == null || expected.isValueNode() || found.isValueNode() || expected.size() != found.size()
            && !expected.isObject()) {
            if (!expected.equals(found)) {
                out.add(path + ": " + found + " instead of " + expected);
            }
            return;
        }
        if (expected.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            found.fieldNames().forEachRemaining(names::add);
            names.forEach(n -> differences(found.get(n), expected.has(n) ? expected.get(n)
                : com.fasterxml.jackson.databind.node.MissingNode.getInstance(), path + "." + n, out));
        } else {
            for (int i = 0; i < expected.size(); i++) {
                differences(found.get(i), expected.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"), new String[] {"/usr/sbin", "/sbin"})
            .flatMap(Stream::of).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().putAll(env);
        String path = b.environment().getOrDefault("PATH", "/usr/bin:/bin");
        b.environment().put("PATH", path + ":/usr/sbin:/sbin");
        Process p = b.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s", command).isTrue();
        return new Run(p.exitValue(), output);
    }
}
