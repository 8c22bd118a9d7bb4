package org.scorelab.grading.fairness;

/** The reference's ebm sources edited to a draw's choices: each method's hyperParameters() and train(...) generated. */
final class EbmSources {
    static final String DIR = "org/scorelab/ebm/";
    private static final String HYPER = "    @Override\n    public Map<String, Object> hyperParameters() {";
    private static final String SGD_IMPORT = "import org.scorelab.optim.Adam;\nimport org.scorelab.optim.Sgd;";

    private EbmSources() {
    }

    static SourceEdits apply(EbmChoices c, SourceEdits files) {
        String ml = DIR + "MaximumLikelihoodTraining.java";
        String nce = DIR + "NoiseContrastiveEstimation.java";
        String ism = DIR + "ImplicitScoreMatchingTraining.java";
        String dsm = DIR + "DenoisingScoreMatchingTraining.java";
        for (String file : new String[] {ml, nce, ism, dsm}) {
            files.replace(file, "import org.scorelab.optim.Adam;", SGD_IMPORT);
        }
        files.replace(ml, "import org.scorelab.data.Gaussian;", "import org.scorelab.data.Gaussian;\nimport org.scorelab.data.PointDistribution;")
            .replaceFrom(ml, HYPER, hyper(c.ml(), "Langevin\", \"" + c.mlSteps() + " steps of " + c.mlStepSize() + (c.persistent()
                ? ", persistent chains" : ", fresh chains") + "\", \"start\", \"" + c.mlStart()) + maximumLikelihood(c))
            .replaceFrom(nce, HYPER, hyper(c.nce(), "noise q\", \"" + c.nceNoise() + " " + c.nceWidth()) + noiseContrastive(c))
            .replaceFrom(ism, HYPER, hyper(c.ism(), "trace\", \"exact") + implicit(c.ism()))
            .replace(dsm, "static final double SIGMA = 0.1;", "static final double SIGMA = " + c.dsmSigma() + ";")
            .replaceFrom(dsm, HYPER, hyper(c.dsm(), "noise sigma\", \"" + c.dsmSigma()) + denoising(c.dsm()));
        return files;
    }

    private static String hyper(Training t, String more) {
        return HYPER + "\n        return HyperParameters.of(\"optimizer\", \"" + t.optimizer() + "\", \"learning rate\", \"" + t.learningRate()
            + (t.decay() ? " decaying linearly to a tenth" : "") + "\", \"iterations\", " + t.iterations() + ", \"batch size\", \""
            + (t.batch() == 0 ? "the whole data set" : t.batch()) + "\", \"" + more + "\");\n    }\n\n";
    }

    private static String start(String start) {
        return switch (start) {
            case "fitted Gaussian" -> "Gaussian.fittedTo(data, 1.0)";
            case "fitted Gaussian x1.5" -> "Gaussian.fittedTo(data, 1.5)";
            case "fitted Gaussian x2" -> "Gaussian.fittedTo(data, 2.0)";
            case "N(0, I)" -> "Gaussian.isotropic(1.0)";
            case "uniform [-3, 3]^2" -> "(count, r) -> r.uniform(-3, 3, count, 2)";
            default -> throw new IllegalArgumentException("no start " + start);
        };
    }

    /** The loop head: the optimizer, then TrainingLoop.minimise over {@code iterations} with the rate schedule. */
    private static String loop(Training t, String parameters) {
        return "        " + t.declaration(parameters) + "\n"
            + "        return TrainingLoop.minimise(optimizer, " + t.iterations() + ", k -> {\n"
            + (t.decay() ? "            " + t.schedule("k") + "\n" : "");
    }

    static String maximumLikelihood(EbmChoices c) {
        Training t = c.ml();
        String loss = c.regularisation() == 0 ? "            return loss(energy, batch, samples);\n"
            : "            Tensor fData = energy.energy(Tensor.constant(batch));\n"
                + "            Tensor fModel = energy.energy(Tensor.constant(samples));\n"
                + "            return fData.mean().sub(fModel.mean()).add(fData.square().mean().add(fModel.square().mean()).mul("
                + c.regularisation() + "));\n";
        return "    @Override\n    public double[] train(EnergyModel energy, INDArray data, LangevinSampler sampler, Rng rng) {\n"
            + "        Inputs.points(\"1.3\", \"data\", data);\n"
            + "        PointDistribution start = " + start(c.mlStart()) + ";\n"
            + (c.persistent() ? "        ReplayBuffer buffer = new ReplayBuffer(start, 10_000, 0.05, rng);\n" : "")
            + loop(t, "energy.parameters()")
            + "            INDArray batch = " + t.batchOf("data") + ";\n"
            + "            INDArray chains = " + (c.persistent() ? "buffer.draw" : "start.sample") + "((int) batch.size(0)"
            + (c.persistent() ? "" : ", rng") + ");\n"
            + "            INDArray samples = sampler.sample(sampler.scoreOf(energy), chains, " + c.mlStepSize() + ", " + c.mlSteps() + ", rng);\n"
            + (c.persistent() ? "            buffer.store(samples);\n" : "")
            + loss
            + "        });\n    }\n}\n";
    }

    static String noiseContrastive(EbmChoices c) {
        Training t = c.nce();
        String q = c.nceNoise().equals("fitted") ? "Gaussian.fittedTo(data, " + c.nceWidth() + ")" : "Gaussian.isotropic(" + c.nceWidth() + ")";
        return "    @Override\n    public double[] train(EnergyModel energy, Tensor c, INDArray data, Rng rng) {\n"
            + "        Inputs.points(\"2.2\", \"data\", data);\n"
            + "        Gaussian q = " + q + ";\n"
            + "        List<Tensor> parameters = new ArrayList<>(energy.parameters());\n"
            + "        parameters.add(c);\n"
            + loop(t, "parameters")
            + "            INDArray batch = " + t.batchOf("data") + ";\n"
            + "            return loss(energy, c, batch, q.sample((int) batch.size(0), rng), q);\n"
            + "        });\n    }\n}\n";
    }

    static String implicit(Training t) {
        return "    @Override\n    public double[] train(ScoreModel model, INDArray data, Rng rng) {\n"
            + "        Inputs.points(\"3.1.1\", \"data\", data);\n"
            + loop(t, "model.parameters()")
            + "            return loss(model, " + t.batchOf("data") + ");\n"
            + "        });\n    }\n}\n";
    }

    static String denoising(Training t) {
        return "    @Override\n    public double[] train(ScoreModel model, INDArray data, Rng rng) {\n"
            + "        Inputs.points(\"3.2.2\", \"data\", data);\n"
            + loop(t, "model.parameters()")
            + "            INDArray x = " + t.batchOf("data") + ";\n"
            + "            return loss(model, x, x.add(rng.normal(x.size(0), 2).muli(SIGMA)), SIGMA);\n"
            + "        });\n    }\n}\n";
    }
}
