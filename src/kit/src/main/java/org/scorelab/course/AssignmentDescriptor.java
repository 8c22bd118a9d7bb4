package org.scorelab.course;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.scorelab.figures.FigureBook;

/**
 * One assignment of the course, as the tools see it: its name and package, its tasks, its end-to-end run, its figures,
 * its section of the handout's README and its report figure. Each is registered as a {@link ServiceLoader} service
 * ({@code META-INF/services/org.scorelab.course.AssignmentDescriptor}) by the kit module that holds its contract; the
 * grader, the handout, the figures command and the checks read the descriptors through {@link Course} and name no
 * assignment. docs/adding-an-assignment.md lists what a course writes for a new sheet.
 */
public interface AssignmentDescriptor {
    /** The short name, e.g. "dsm": the student's package's last segment, a Moodle assignment's files, a report's key. */
    String name();

    /** Where the assignment comes in the course: descriptors are listed by this number, then by name. */
    int order();

    /** The package of the student's classes, e.g. {@code org.scorelab.dsm}: every file the student writes is in it. */
    default String packageName() {
        return "org.scorelab." + name();
    }

    /**
     * The service interface the template's {@code Solution} class implements, which the grader registers for a
     * compiled submission: by default {@code org.scorelab.dsm.api.DsmSolution} for "dsm".
     */
    default String solutionService() {
        return packageName() + ".api." + Character.toUpperCase(name().charAt(0)) + name().substring(1) + "Solution";
    }

    /**
     * The kit's packages of this assignment that a submission may use besides the common kit (autograd, nn, optim,
     * ...): its contract, e.g. {@code org.scorelab.dsm.api}. A package of the kit that no descriptor lists is refused.
     */
    List<String> apiPackages();

    /** The sheet's tasks in the sheet's order. */
    List<Task> tasks();

    /** The template's class whose {@code main} runs the assignment end to end, e.g. {@code org.scorelab.dsm.DsmAssignment}. */
    String mainClass();

    /** Whether an implementation of the assignment (the student's, or the reference's) is on the class path. */
    boolean implemented();

    /** Runs the implementation on the class path end to end, printing what it finds; {@code args} as {@link #mainClass()}'s. */
    void run(String[] args);

    /** What making the figures costs, for the figures command's progress line, e.g. "training takes about a minute". */
    String figuresCost();

    /** Every figure of the sheet, made from the implementation on the class path with {@code seed}. */
    FigureBook figures(long seed);

    /** The assignment's section of the handout's README (Markdown, starting with a level-2 heading). */
    String handoutSection();

    /** The report's picture of a submission's run, if the assignment's hidden checks provide one (a registered service). */
    default Optional<ReportFigure> reportFigure() {
        return ServiceLoader.load(ReportFigure.class, getClass().getClassLoader()).stream().map(ServiceLoader.Provider::get)
            .filter(f -> f.assignment().equals(name())).findFirst();
    }

    /** The task numbered {@code number}. */
    default Optional<Task> task(String number) {
        return tasks().stream().filter(t -> t.number().equals(number)).findFirst();
    }
}
