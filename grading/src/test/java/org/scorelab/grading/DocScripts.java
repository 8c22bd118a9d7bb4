package org.scorelab.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The documentation's script commands: {@code .ci/run}, {@code bash .ci/run}, {@code grading/bench/*.sh}, python. */
final class DocScripts {
    private DocScripts() {
    }

    /**
     * {@code bash PATH}, {@code PATH ...} or {@code python3 PATH ...}: the script exists (from the repository's folder,
     * or the document's), can be run as written, and bash reads it.
     */
    static void check(Path repo, List<String> words, Path documentFolder, DocCommandChecks.Checked out) {
        boolean python = words.get(0).endsWith("python3");
        boolean byPath = !python && !words.get(0).equals("bash");
        String path = byPath ? words.get(0)
            : words.stream().skip(1).filter(w -> !w.startsWith("-")).findFirst().orElse("");
        if (path.isEmpty()) {
            out.how().add("the program named in prose, no script");
            return;
        }
        Path file = repo.resolve(path).normalize();
        if (!Files.exists(file) && documentFolder != null) {
            // A path in a document of a subfolder (grading/README.md) may be relative to that folder, as a link is.
            file = Files.exists(repo.resolve(documentFolder).resolve(path)) ? repo.resolve(documentFolder).resolve(path) : file;
        }
        if (!file.startsWith(repo)) {
            out.how().add("outside the repository: not checked");
            return;
        }
        if (!Files.isRegularFile(file)) {
            out.problem("%s: no such file in the repository", path);
            return;
        }
        if (byPath && !Files.isExecutable(file)) {
            out.problem("%s is run by its path but is not executable (git update-index --chmod=+x)", path);
        }
        if (python) {
            out.how().add("script exists");
            return;
        }
        try {
            Process p = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                out.problem("bash -n %s: %s", path, said.strip());
            }
        } catch (IOException | InterruptedException e) {
            out.problem("bash -n %s: %s", path, e);
        }
        out.how().add("script exists, bash -n");
    }
}
