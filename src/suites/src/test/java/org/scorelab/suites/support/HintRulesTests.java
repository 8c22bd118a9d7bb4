package org.scorelab.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, item 1: a failure's hint says what the check saw and where to look, never the formula a task asks the
 * student to find or derive. Scans every text the public and hidden suites can print (their string literals, with
 * literals joined by {@code +} read as one text) for fragments of those formulas. The sheets' own formulas (the
 * Langevin step, Algorithm 1, x~ = x + sigma z, the widened covariance, grad_y log q(y | x), eq. (4)'s log(1 - r))
 * may be quoted and are not listed.
 */
class HintRulesTests {
    /** A fragment of a formula a task asks for, by what it gives away. Matched on lower-cased, single-spaced text. */
    static final Map<String, Pattern> FORBIDDEN = new LinkedHashMap<>();

    static {
        FORBIDDEN.put("a Gaussian's score (Task 3.4)", Pattern.compile("\\(mu(_k)? - x\\) ?/"));
        FORBIDDEN.put("the mixture's score (Task 3.4)", Pattern.compile("w_k\\(x\\) ?\\(mu"));
        FORBIDDEN.put("the responsibilities (Task 3.4)", Pattern.compile("pi_k n_k ?/ ?sum"));
        FORBIDDEN.put("a Gaussian's normaliser (Task 1.1)", Pattern.compile("1 ?/ ?\\(2 ?pi|/ ?\\(2 ?pi v|2 pi \\|sigma"));
        FORBIDDEN.put("a Gaussian's exponent (Task 1.1)", Pattern.compile("exp\\(-\\|\\|x - mu"));
        FORBIDDEN.put("the mixture's density written out (Task 1.1)", Pattern.compile("sum_k pi_k n\\(x"));
        FORBIDDEN.put("Tweedie's target in the dsm loss (pen and paper 2.3)", Pattern.compile("\\(x - x~\\) ?/ ?sigma"));
        FORBIDDEN.put("the dsm loss written out (Task 3.3)", Pattern.compile("-grad_x f\\(x~"));
        FORBIDDEN.put("the ebm denoising loss written out (pen and paper 3.2.1)",
            Pattern.compile("\\|\\| ?s\\(y\\) ?-|z ?/ ?sigma ?\\|\\|"));
        FORBIDDEN.put("the NCE logit or loss written out (Task 2.2)",
            Pattern.compile("-f ?\\+ ?c ?- ?log q|logsigmoid\\(g\\(x\\)\\) ?\\+|log p(\\(u\\))? = -f"));
        FORBIDDEN.put("the implicit score matching objective written out (Task 3.1.1)", Pattern.compile("\\|\\|\\^2 ?\\+ ?tr"));
    }

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern JOIN = Pattern.compile("\\s*\\+\\s*");

    @Test
    void noHintOfTheSuitesGivesAwayAFormulaATaskAsksFor() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../hidden-suites/src/main/java"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    for (String text : texts(Files.readString(f))) {
                        forbiddenIn(text).forEach(what -> found.add(f.getFileName() + ": " + what + " in \"" + text + "\""));
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    /** The scan catches the hints issue 19 found (and others the suites printed before it). */
    @Test
    void theScanCatchesTheHintsThatGaveTheAnswersAway() {
        Map<String, String> before = new LinkedHashMap<>();
        before.put("the score must be the gradient of the log-density: sum_k w_k(x) (mu_k - x) / (v_k + sigma^2)",
            "a Gaussian's score (Task 3.4)");
        before.put("the normaliser of a 2D Gaussian is 1 / (2 pi |Sigma|^(1/2)) = 1 / (2 pi v), with v the variance",
            "a Gaussian's normaliser (Task 1.1)");
        before.put("p(x) = sum_k pi_k N(x | mu_k, v_k I) with N = exp(-||x - mu_k||^2 / (2 v_k)) / (2 pi v_k)",
            "a Gaussian's normaliser (Task 1.1)");
        before.put("loss = mean over the batch of sigma^2 || -grad_x f(x~, sigma) - (x - x~) / sigma^2 ||^2",
            "Tweedie's target in the dsm loss (pen and paper 2.3)");
        before.put("loss = -(1/n) [sum_x logsigmoid(G(x)) + sum_y logsigmoid(-G(y))] with G = -f + c - log q",
            "the NCE logit or loss written out (Task 2.2)");
        before.put("J = mean over the points of 1/2 ||s(x)||^2 + tr(ds/dx)",
            "the implicit score matching objective written out (Task 3.1.1)");
        before.put("loss = mean over the points of 1/2 || s(y) - (x - y) / sigma^2 ||^2 with y = x + sigma z",
            "the ebm denoising loss written out (pen and paper 3.2.1)");
        before.put("the responsibilities w_k = pi_k N_k / sum_j pi_j N_j are 0/0 there", "the responsibilities (Task 3.4)");
        before.forEach((hint, what) -> assertTrue(forbiddenIn(hint).contains(what), hint + " -> " + forbiddenIn(hint)));
        // What the sheets give may be quoted.
        for (String given : List.of("x <- x + (alpha_i / 2) s(x, sigma_i) + sqrt(alpha_i) z with fresh z",
            "perturbing by sigma changes each covariance v_k I into (v_k + sigma^2) I (sheet, Task 3.4)",
            "the target has the wrong sign: grad_y log q(y | x) = (x - y) / sigma^2 points back to the clean x",
            "the noise term uses log r(y) where eq. (4) of the sheet has log(1 - r(y))")) {
            assertEquals(List.of(), forbiddenIn(given), given);
        }
    }

    @Test
    void literalsJoinedByPlusReadAsOneText() {
        assertEquals(List.of("a (mu_k - x) / v", "other"),
            texts("f(\"a (mu_k \"\n    + \"- x) / v\", \"other\");"));
    }

    static List<String> forbiddenIn(String text) {
        String normal = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<String> hits = new ArrayList<>();
        FORBIDDEN.forEach((what, p) -> {
            if (p.matcher(normal).find()) {
                hits.add(what);
            }
        });
        return hits;
    }

    /** The string literals of a source, those joined by {@code +} (across lines) as one text each, unescaped. */
    static List<String> texts(String source) {
        List<String> texts = new ArrayList<>();
        Matcher m = LITERAL.matcher(source);
        StringBuilder run = null;
        int end = -1;
        while (m.find()) {
            String value = m.group(1).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
            if (run != null && JOIN.matcher(source.substring(end, m.start())).matches()) {
                run.append(value);
            } else {
                if (run != null) {
                    texts.add(run.toString());
                }
                run = new StringBuilder(value);
            }
            end = m.end();
        }
        if (run != null) {
            texts.add(run.toString());
        }
        return texts;
    }
}
