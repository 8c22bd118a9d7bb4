package org.scorelab.toy.sheet;

import java.util.List;
import java.util.ServiceLoader;
import org.scorelab.course.AssignmentDescriptor;
import org.scorelab.course.Course;
import org.scorelab.course.Task;
import org.scorelab.figures.FigureBook;
import org.scorelab.figures.Page;
import org.scorelab.figures.Plots;
import org.scorelab.toy.api.ToySolution;

/** The {@code toy} assignment: double a number. */
public final class ToyDescriptor implements AssignmentDescriptor {
    @Override
    public String name() {
        return "toy";
    }

    @Override
    public int order() {
        return 3;
    }

    @Override
    public List<String> apiPackages() {
        return List.of("org.scorelab.toy.api");
    }

    @Override
    public List<Task> tasks() {
        return List.of(new Task("1.1", "twice a number", 2));
    }

    @Override
    public String mainClass() {
        return "org.scorelab.toy.ToyAssignment";
    }

    @Override
    public boolean implemented() {
        return ServiceLoader.load(ToySolution.class).findFirst().isPresent();
    }

    @Override
    public void run(String[] args) {
        System.out.println("Task 1.1  twice(21) = " + ToySolution.load().twice(21));
    }

    @Override
    public String figuresCost() {
        return "instant";
    }

    @Override
    public FigureBook figures(long seed) {
        FigureBook book = new FigureBook();
        book.add(new Page("toy-1-twice", "toy: twice", "Task 1.1 at 21.", 1,
            List.of(Plots.lossCurve("twice(x) for x = 0..9", java.util.stream.IntStream.range(0, 10)
                .mapToDouble(x -> ToySolution.load().twice(x)).toArray()))));
        return book;
    }

    @Override
    public String handoutSection() {
        return Course.resource(ToyDescriptor.class, "handout.md");
    }
}
