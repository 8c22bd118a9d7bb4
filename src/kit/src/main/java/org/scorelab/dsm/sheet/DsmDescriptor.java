package org.scorelab.dsm.sheet;

import java.util.List;
import java.util.ServiceLoader;
import org.scorelab.course.AssignmentDescriptor;
import org.scorelab.course.Course;
import org.scorelab.course.Task;
import org.scorelab.dsm.api.DsmSolution;
import org.scorelab.figures.FigureBook;

/** The {@code dsm} assignment: denoising score matching on a 2D Gaussian mixture, and annealed Langevin sampling. */
public final class DsmDescriptor implements AssignmentDescriptor {
    @Override
    public String name() {
        return "dsm";
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public List<String> apiPackages() {
        return List.of("org.scorelab.dsm.api");
    }

    @Override
    public List<Task> tasks() {
        return List.of(new Task("1.1", "sample the Gaussian mixture; density, log-density", 3),
            new Task("3.1", "noise levels (geometric); x~ = x + sigma z", 2),
            new Task("3.2", "the energy network f(x, sigma); parameter count", 2.25),
            new Task("3.3", "the denoising score matching loss (6); training loop", 7),
            new Task("3.4", "density and score of the mixture perturbed by sigma", 4),
            new Task("3.5", "exp(-f) and -grad_x f of an energy model", 3),
            new Task("4.1", "annealed Langevin dynamics (Algorithm 1)", 3),
            new Task("4.2", "samples from the trained model", 2));
    }

    @Override
    public String mainClass() {
        return "org.scorelab.dsm.DsmAssignment";
    }

    @Override
    public boolean implemented() {
        return ServiceLoader.load(DsmSolution.class).findFirst().isPresent();
    }

    @Override
    public void run(String[] args) {
        new DsmEndToEnd().run(DsmSolution.load(), args);
    }

    @Override
    public String figuresCost() {
        return "training takes about a minute";
    }

    @Override
    public FigureBook figures(long seed) {
        return DsmFigures.make(DsmSolution.load(), seed);
    }

    @Override
    public String handoutSection() {
        return Course.resource(DsmDescriptor.class, "handout.md");
    }
}
