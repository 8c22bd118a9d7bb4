package org.scorelab.grading.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scorelab.grading.moodle.MoodleExport;
import picocli.CommandLine.Option;

/** The options of Moodle's files, shared by the commands that write a class's files (class, merge, slurm). */
final class MoodleOptions {
    @Option(names = "--worksheet", paramLabel = "ASSIGNMENT=FILE",
        description = "The grading worksheet downloaded from the assignment's Moodle page, to fill in (repeat per "
            + "assignment: --worksheet dsm=dsm.csv --worksheet ebm=ebm.csv). Without one, a worksheet is written from the"
            + " folder names.")
    List<String> worksheets = new ArrayList<>();

    @Option(names = "--roster", paramLabel = "CSV",
        description = "Roster with a column id (participant id of the folder) or name, and email or idnumber: writes "
            + "moodle/gradebook-<assignment>.csv for Moodle's gradebook import, if it covers every graded student.")
    Path roster;

    /** Reads and checks the worksheets and the roster; throws MoodleInputException with the reason. */
    MoodleExport prepare() {
        return MoodleExport.prepare(MoodleExport.worksheetOptions(worksheets), roster);
    }

    /**
     * As {@link #prepare()}, for a command that writes the class's files into {@code out}: a worksheet or roster not
     * given is the one an earlier run was given (kept in {@code out/moodle/inputs/}), and those given are kept there.
     */
    MoodleExport prepare(Path out) {
        return MoodleExport.prepare(MoodleExport.worksheetOptions(worksheets), roster,
            out.resolve(MoodleExport.FOLDER).resolve(MoodleExport.KEPT));
    }

    /** The options as given, absolute, for the merge job of a job array. */
    List<String> asArguments() {
        List<String> args = new ArrayList<>();
        worksheets.forEach(w -> {
            int eq = w.indexOf('=');
            args.addAll(List.of("--worksheet", w.substring(0, eq + 1) + Path.of(w.substring(eq + 1)).toAbsolutePath().normalize()));
        });
        if (roster != null) {
            args.addAll(List.of("--roster", roster.toAbsolutePath().normalize().toString()));
        }
        return args;
    }
}
