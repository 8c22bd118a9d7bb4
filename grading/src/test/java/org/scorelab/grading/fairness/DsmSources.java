package org.scorelab.grading.fairness;

import java.util.ArrayList;
import java.util.List;

/** The reference's dsm sources edited to a draw's choices: constants swapped, the network and the loop generated. */
final class DsmSources {
    static final String DIR = "org/scorelab/dsm/";

    private DsmSources() {
    }

    static SourceEdits apply(DsmChoices c, SourceEdits files) {
        files.replace(DIR + "NoiseSchedule.java", "static final double SIGMA_1 = 0.01;", "static final double SIGMA_1 = " + c.sigma1() + ";")
            .replace(DIR + "NoiseSchedule.java", "static final double SIGMA_L = 1.0;", "static final double SIGMA_L = " + c.sigmaL() + ";")
            .replace(DIR + "NoiseSchedule.java", "static final int L = 10;", "static final int L = " + c.levels() + ";")
            .replace(DIR + "AnnealedLangevin.java", "static final double EPSILON = 5e-5;", "static final double EPSILON = " + c.epsilon() + ";")
            .replace(DIR + "AnnealedLangevin.java", "static final int STEPS_PER_LEVEL = 100;", "static final int STEPS_PER_LEVEL = " + c.steps() + ";")
            .replace(DIR + "Sampling.java", "INDArray start = rng.uniform(0, 1, n, 2);", "INDArray start = " + start(c.start()) + ";")
            .replace(DIR + "EnergyNetwork.java", "import org.scorelab.nn.Mlp;", "import org.scorelab.nn.Linear;\nimport org.scorelab.nn.Mlp;")
            .replaceFrom(DIR + "EnergyNetwork.java", "/**\n * Task 3.2:", network(c.network()))
            .replace(DIR + "DenoisingScoreMatching.java", "import org.scorelab.optim.Adam;", "import org.scorelab.optim.Adam;\nimport org.scorelab.optim.Sgd;")
            .replaceFrom(DIR + "DenoisingScoreMatching.java", "    @Override\n    public Map<String, Object> hyperParameters() {", train(c));
        return files;
    }

    private static String start(String start) {
        return switch (start) {
            case DsmChoices.UNIFORM -> "rng.uniform(0, 1, n, 2)";
            case "uniform [-0.5, 1.5]^2" -> "rng.uniform(-0.5, 1.5, n, 2)";
            case "N(0, I)" -> "rng.normal(n, 2)";
            case "N((0.5, 0.5), sigma_L^2 I)" -> "rng.normal(n, 2).muli(levels[levels.length - 1]).addi(0.5)";
            default -> throw new IllegalArgumentException("no start " + start);
        };
    }

    static String network(DsmChoices.Network n) {
        String point = n.xScale() == 1 ? "x" : "x.sub(0.5).mul(" + n.xScale() + ")";
        String level = switch (n.levelInput()) {
            case "sigma" -> "sigma";
            case "log sigma" -> "sigma.log()";
            case "scaled log sigma" -> "sigma.log().sub((Math.log(NoiseSchedule.SIGMA_1) + Math.log(NoiseSchedule.SIGMA_L)) / 2)"
                + ".mul(4 / Math.log(NoiseSchedule.SIGMA_L / NoiseSchedule.SIGMA_1))";
            default -> throw new IllegalArgumentException(n.levelInput());
        };
        return "/** Task 3.2: f(x, sigma), an MLP " + n + " (a draw of the fairness choice space). */\n"
            + "public final class EnergyNetwork implements EnergyModel {\n"
            + "    private final Sequential g;\n\n"
            + "    public EnergyNetwork(Rng rng) {\n"
            + "        this.g = " + build(n) + ";\n"
            + "    }\n\n"
            + "    @Override\n"
            + "    public Tensor energy(Tensor x, Tensor sigma) {\n"
            + "        Tensor point = " + point + ";\n"
            + "        Tensor level = " + level + ";\n"
            + "        return g.forward(Tensor.concat(1, point, level))" + (n.divideBySigma() ? ".div(sigma)" : "") + ";\n"
            + "    }\n\n"
            + "    @Override\n"
            + "    public List<Tensor> parameters() {\n"
            + "        return g.parameters();\n"
            + "    }\n\n"
            + "    @Override\n"
            + "    public long parameterCount() {\n"
            + "        return g.parameterCount();\n"
            + "    }\n\n"
            + "    public Sequential network() {\n"
            + "        return g;\n"
            + "    }\n"
            + "}\n";
    }

    private static String build(DsmChoices.Network n) {
        String activation = "Activation." + n.activation();
        if (!n.handwritten()) {
            return "Mlp.input(3).hidden(" + String.join(", ", n.widths().stream().map(String::valueOf).toList()) + ").activation("
                + activation + ").output(1).build(rng)";
        }
        List<String> layers = new ArrayList<>();
        int in = 3;
        for (int w : n.widths()) {
            layers.add("new Linear(" + in + ", " + w + ", rng)");
            layers.add(activation);
            in = w;
        }
        layers.add("new Linear(" + in + ", 1, rng)");
        return "new Sequential(List.of(" + String.join(", ", layers) + "))";
    }

    /** hyperParameters() and train(...), to the end of the class. */
    static String train(DsmChoices c) {
        Training t = c.training();
        StringBuilder s = new StringBuilder();
        s.append("    @Override\n    public Map<String, Object> hyperParameters() {\n")
            .append("        return HyperParameters.of(\"optimizer\", \"").append(t.optimizer()).append("\", \"learning rate\", \"")
            .append(t.learningRate()).append(t.decay() ? " decaying linearly to a tenth" : "").append("\", \"iterations\", ")
            .append(t.iterations()).append(", \"batch size\", \"").append(t.batch() == 0 ? "the whole data set" : t.batch())
            .append(c.antithetic() ? " (antithetic noise)" : "").append("\", \"weights\", \"")
            .append(c.average() ? "exponential moving average, decay 0.99" : "the last iterate").append("\");\n    }\n\n");
        s.append("    @Override\n    public double[] train(EnergyModel model, INDArray data, double[] levels, Rng rng) {\n")
            .append("        Shapes.points(\"3.3\", \"data\", data);\n")
            .append("        ").append(t.declaration("model.parameters()")).append('\n');
        if (c.average()) {
            s.append("        ParameterAverage average = new ParameterAverage(model.parameters(), 0.99);\n");
        }
        s.append("        double[] history = new double[").append(t.iterations()).append("];\n")
            .append("        for (int it = 0; it < history.length; it++) {\n");
        if (t.decay()) {
            s.append("            ").append(t.schedule("it")).append('\n');
        }
        if (!c.antithetic()) {
            s.append("            INDArray batch = ").append(t.batchOf("data")).append(";\n")
                .append("            history[it] = optimizer.step(() -> loss(model, batch, levels, rng));\n");
        } else {
            String half = "rng.rows(data, " + (t.batch() == 0 ? "(int) data.size(0) / 2" : Integer.toString(t.batch() / 2)) + ")";
            s.append("            INDArray points = ").append(half).append(";\n")
                .append("            int m = (int) points.size(0);\n")
                .append("            int[] index = rng.integers(m, levels.length);\n")
                .append("            double[] sigmas = new double[2 * m];\n")
                .append("            for (int i = 0; i < m; i++) {\n")
                .append("                sigmas[i] = levels[index[i]];\n")
                .append("                sigmas[m + i] = sigmas[i];\n")
                .append("            }\n")
                .append("            INDArray sigma = Nd4j.createFromArray(sigmas).reshape(2 * m, 1);\n")
                .append("            INDArray z = rng.normal(m, 2);\n")
                .append("            INDArray batch = Nd4j.vstack(points, points);\n")
                .append("            INDArray noisy = batch.add(Nd4j.vstack(z, z.neg()).muliColumnVector(sigma));\n")
                .append("            history[it] = optimizer.step(() -> loss(model, batch, noisy, sigma));\n");
        }
        if (c.average()) {
            s.append("            average.update();\n");
        }
        s.append("        }\n");
        if (c.average()) {
            s.append("        average.copyToParameters();\n");
        }
        s.append("        return history;\n    }\n}\n");
        return s.toString();
    }
}
