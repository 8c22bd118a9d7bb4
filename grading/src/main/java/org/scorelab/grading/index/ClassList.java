package org.scorelab.grading.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.scorelab.grading.ClassGrader;
import org.scorelab.grading.intake.Student;
import org.scorelab.grading.report.ReportFiles;
import org.scorelab.grading.report.SubmissionReport;

/**
 * Everyone in a class and what they got: each upload of the class folder (a folder or a zip per student) with its
 * report of the grading plan in the output folder, whoever wrote it (one machine's class command, or a job array's
 * shards), and each student the worksheets or the roster name who uploaded nothing. The summary, the index, Moodle's
 * files and not-graded.csv are all built from one list, so they agree on who is graded and who did not submit.
 */
public final class ClassList {
    private final List<Member> members;

    private ClassList(List<Member> members) {
        this.members = List.copyOf(members);
    }

    /** The uploads of {@code classFolder} and their reports of {@code plan} ({@link ClassGrader#planOf}) in {@code out}. */
    public static ClassList read(Path classFolder, Path out, String plan) throws IOException {
        List<Member> members = new ArrayList<>();
        for (Path upload : ClassGrader.submissions(classFolder, out)) {
            Student student = Student.fromFolderName(upload.getFileName().toString());
            Optional<SubmissionReport> report = ReportFiles.read(out.resolve(student.fileKey()));
            if (report.isEmpty()) {
                members.add(new Member(student, null, "no report yet"));
            } else if (!plan.equals(ClassGrader.planOf(report.get()))) {
                members.add(new Member(student, null, "graded with another plan (" + ClassGrader.planOf(report.get())
                    + ")"));
            } else {
                members.add(new Member(student, report.get(), null));
            }
        }
        return new ClassList(members);
    }

    /** This class with {@code students}, who uploaded nothing (from the worksheets and the roster), added. */
    public ClassList withoutUploads(List<Student> students) {
        List<Member> all = new ArrayList<>(members);
        students.forEach(s -> all.add(Member.withoutUpload(s)));
        return new ClassList(all);
    }

    /** The uploads first, in the class folder's order, then the students without one. */
    public List<Member> members() {
        return members;
    }

    /** The students of the class folder's uploads. */
    public List<Student> uploads() {
        return members.stream().filter(Member::uploaded).map(Member::student).toList();
    }

    /** The reports of the plan, a grader error's too (Moodle's files leave its grade alone and list it). */
    public List<SubmissionReport> reports() {
        return members.stream().filter(m -> m.report() != null).map(Member::report).toList();
    }

    /** The assignments the reports have tasks of ("dsm", "ebm"; one of them for a plan that grades only it). */
    public List<String> assignments() {
        return tasks().stream().map(Task::assignment).distinct().toList();
    }

    /** Every task the reports have, in the sheets' order. */
    public List<Task> tasks() {
        TreeSet<Task> tasks = new TreeSet<>(Task.SHEET_ORDER);
        reports().forEach(r -> r.tasks().forEach(t -> tasks.add(new Task(t.assignment(), t.task()))));
        return List.copyOf(tasks);
    }

    /** How many members stand so. */
    public long count(Standing standing) {
        return members.stream().filter(m -> m.standing() == standing).count();
    }
}
