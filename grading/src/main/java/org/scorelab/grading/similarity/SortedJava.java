package org.scorelab.grading.similarity;

import de.jplag.Language;
import de.jplag.ParsingException;
import de.jplag.Token;
import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * JPlag's Java language module, handed a submission's files in the order of their paths. JPlag 4.3 passes them in a
 * HashSet, whose order follows the files' absolute paths, here under a fresh temporary folder each run; the order of
 * the token sequences decides how greedy string tiling breaks ties, and the same two submissions came out up to 0.12
 * apart from one run to the next (measured on the corpus). Sorted, every run gives the same numbers.
 */
final class SortedJava implements Language {
    private final de.jplag.java.Language java = new de.jplag.java.Language();

    @Override
    public String[] suffixes() {
        return java.suffixes();
    }

    @Override
    public String getName() {
        return java.getName();
    }

    @Override
    public String getIdentifier() {
        return java.getIdentifier();
    }

    @Override
    public int minimumTokenMatch() {
        return java.minimumTokenMatch();
    }

    @Override
    public List<Token> parse(Set<File> files) throws ParsingException {
        return java.parse(new TreeSet<>(files));
    }

    @Override
    public boolean isPreformatted() {
        return java.isPreformatted();
    }

    @Override
    public boolean useViewFiles() {
        return java.useViewFiles();
    }

    @Override
    public String viewFileSuffix() {
        return java.viewFileSuffix();
    }
}
