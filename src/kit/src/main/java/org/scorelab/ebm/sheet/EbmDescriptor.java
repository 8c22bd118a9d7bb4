package org.scorelab.ebm.sheet;

import java.util.List;
import java.util.ServiceLoader;
import org.scorelab.course.AssignmentDescriptor;
import org.scorelab.course.Course;
import org.scorelab.course.Task;
import org.scorelab.ebm.api.EbmSolution;
import org.scorelab.figures.FigureBook;

/**
 * The {@code ebm} assignment: energy-based models on 2D toy data trained by maximum likelihood with Langevin samples,
 * noise-contrastive estimation, implicit and denoising score matching.
 */
public final class EbmDescriptor implements AssignmentDescriptor {
    @Override
    public String name() {
        return "ebm";
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public List<String> apiPackages() {
        return List.of("org.scorelab.ebm.api", "org.scorelab.ebm.models");
    }

    @Override
    public List<Task> tasks() {
        return List.of(new Task("1.3", "Langevin sampling and maximum likelihood training", 13),
            new Task("2.2", "noise-contrastive estimation", 8),
            new Task("3.1.1", "implicit score matching", 8),
            new Task("3.2.2", "denoising score matching", 8));
    }

    @Override
    public String mainClass() {
        return "org.scorelab.ebm.EbmAssignment";
    }

    @Override
    public boolean implemented() {
        return ServiceLoader.load(EbmSolution.class).findFirst().isPresent();
    }

    @Override
    public void run(String[] args) {
        new EbmEndToEnd().run(EbmSolution.load(), args);
    }

    @Override
    public String figuresCost() {
        return "four trainings: a few minutes";
    }

    @Override
    public FigureBook figures(long seed) {
        return EbmFigures.make(EbmSolution.load(), seed);
    }

    @Override
    public String handoutSection() {
        return Course.resource(EbmDescriptor.class, "handout.md");
    }
}
